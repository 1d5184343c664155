public import CrosscheckKit

/// How precise each technique's spans are at each score, on held-out articles: the basis for the
/// display thresholds (a mark drawn in the article text must be one the model is fairly sure of).
public struct TechniquePrecision: Sendable {
    /// One technique's spans on the held-out articles: each span's score and the share of it that
    /// lies inside gold spans of the same technique (partial-overlap credit, 0…1).
    public struct Technique: Sendable {
        public var name: String
        public var spans: [(score: Double, credit: Double)]

        /// The mean credit of the spans scoring at least `threshold`, and how many there are.
        public func precision(atLeast threshold: Double) -> (precision: Double, count: Int) {
            let kept = spans.filter { $0.score >= threshold }
            return (kept.isEmpty ? 0 : kept.reduce(0) { $0 + $1.credit } / Double(kept.count), kept.count)
        }

        /// The lowest threshold on the grid whose spans reach `target` precision with at least
        /// `minimumSpans` of them; `nil` when none does (the technique is not drawn).
        public func displayThreshold(target: Double, minimumSpans: Int, grid: [Double]) -> Double? {
            grid.first { threshold in
                let measured = precision(atLeast: threshold)
                return measured.count >= minimumSpans && measured.precision >= target
            }
        }
    }

    public var techniques: [Technique]

    /// Pools another measurement's spans into this one (e.g. another seeded split's).
    public mutating func add(_ other: TechniquePrecision) {
        var byName = Dictionary(uniqueKeysWithValues: techniques.map { ($0.name, $0.spans) })
        for technique in other.techniques { byName[technique.name, default: []] += technique.spans }
        techniques = byName.sorted { $0.key < $1.key }.map { Technique(name: $0.key, spans: $0.value) }
    }

    /// Collects every predicted span's score and credit, per technique.
    public init(_ articles: [LanguageData.Article], predict: (String) -> [LanguageSection.Technique]) {
        var byName: [String: [(score: Double, credit: Double)]] = [:]
        for article in articles {
            for span in predict(article.text) {
                let covered = article.spans.filter { $0.technique == span.technique }.reduce(0.0) { sum, gold in
                    sum + Double(max(0, min(span.end, gold.end) - max(span.start, gold.start)))
                }
                byName[span.technique, default: []].append((span.score, min(covered / Double(max(span.end - span.start, 1)), 1)))
            }
        }
        techniques = byName.sorted { $0.key < $1.key }.map { Technique(name: $0.key, spans: $0.value) }
    }
}
