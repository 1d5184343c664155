/// Cue features for check-worthiness from the claim rules: the sentence's claim types, the kinds
/// of entities, quantities and dates in it, and how it is sourced.
enum ClaimCues {
    static func cues(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let span = TextSpan(start: 0, end: scalars.count)
        let tokens = Tokenizer().tokens(in: scalars, range: span)
        let entities = EntityRecognizer().entities(in: scalars, span: span)
        let quantities = QuantityExtractor().quantities(in: scalars, span: span)
        let dates = DateExtractor().dates(in: scalars, span: span)
        var people = PeopleRegister()
        people.add(entities)
        let attributions = ReportedSpeech(scalars: scalars, tokens: tokens, entities: entities, people: people).attributions()
        let types = ClaimTypeClassifier().types(
            words: tokens.map { $0.text.lowercased() }, quantities: quantities, dates: dates, quotes: [],
            attributed: !attributions.isEmpty, entities: entities)
        var cues = types.map { "type:" + $0.rawValue }
        for kind in Set(entities.map(\.kind.rawValue)).sorted() { cues.append("entity:" + kind) }
        for unit in Set(quantities.map { $0.unit ?? "bare" }).sorted() where ["percent", "USD", "EUR", "GBP", "count_pair", "bare"].contains(unit) {
            cues.append("quantity:" + unit)
        }
        if quantities.contains(where: { $0.approximation != .exact }) { cues.append("quantity:approximate") }
        if !dates.isEmpty { cues.append(dates.contains { $0.value != nil } ? "date:fixed" : "date:vague") }
        for kind in Set(attributions.map(\.kind.rawValue)).sorted() { cues.append("source:" + kind) }
        return cues
    }
}
