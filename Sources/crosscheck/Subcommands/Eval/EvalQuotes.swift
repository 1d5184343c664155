import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Quotations and reported speech: quote span F1 and speaker accuracy on annotated news (shared/data/quotes).",
        discussion: """
            A found span matches an annotated one when they overlap by at least half of their union; \
            speaker accuracy counts every annotated relation with a named speaker (pronouns aside), \
            direct quotes apart, and a relation not found counts as wrong. The figures are on the \
            articles the attribution tagger's trainer held aside (20 % of dev.jsonl); --all adds \
            the articles it was trained on.
            """)

    @Option(help: "The quotes folder (shared/data/quotes) or its dev.jsonl.")
    var data: String

    @Flag(help: "Find quotations by the rules only, without the attribution tagger.")
    var wordsOnly = false

    @Flag(help: "Read each word's likeliest label alone, not the words as one sequence (the tagger before its label bigrams).")
    var wordByWord = false

    @Flag(help: "Measure on every article, including those the tagger was trained on.")
    var all = false

    @Option(help: "Measure on the first N articles only.")
    var limit: Int?

    func run() throws {
        let file = data.hasSuffix(".jsonl") ? data : URL(fileURLWithPath: data).appendingPathComponent("dev.jsonl").path
        var attribution = wordsOnly ? nil : try SharedEngine.engine().attribution()
        if wordByWord { attribution?.sequenceDecoding = false }
        var articles = try QuoteArticle.load(file: file)
        if !all { articles = articles.filter(\.isHeldAside) }
        if let limit { articles = Array(articles.prefix(limit)) }
        var evaluation = QuoteEvaluation()
        var byKind: [String: QuoteEvaluation] = [:]
        for article in articles {
            let items = SpeechExtraction.items(in: article.text, attribution: attribution)
            evaluation.add(article, items: items)
            for kind in ["direct", "mixed", "indirect"] {
                let gold = QuoteArticle(id: article.id, text: article.text, relations: article.relations.filter { $0.kind == kind })
                let mapped: [SpeechExtraction.Item] = items.filter {
                    switch kind {
                    case "direct": $0.kind == .direct
                    case "mixed": $0.kind == .partial
                    default: $0.kind == .indirect
                    }
                }
                byKind[kind, default: QuoteEvaluation()].add(gold, items: mapped)
            }
        }
        let finder = attribution.map { "attribution tagger \($0.identity.version)" } ?? "rules (no attribution tagger)"
        let scope = all ? "articles" : "held-aside articles"
        print("\(finder); \(articles.count) \(scope), \(evaluation.annotated) annotated relations, \(evaluation.found) found")
        print(String(format: "quote span F1 %.3f (precision %.3f, recall %.3f)", evaluation.f1, evaluation.precision, evaluation.recall))
        print(
            String(
                format: "speaker accuracy: direct quotes %.3f (%d), all relations with a named speaker %.3f (%d)",
                evaluation.directSpeakerAccuracy, evaluation.directNamed, evaluation.namedSpeakerAccuracy, evaluation.allNamed))
        for kind in ["direct", "mixed", "indirect"] {
            let part = byKind[kind] ?? QuoteEvaluation()
            print(
                "  \(kind): " + String(format: "span F1 %.3f (P %.3f R %.3f)", part.f1, part.precision, part.recall)
                    + "; \(part.missed) not found, \(part.misBounded) found with other bounds, \(part.spurious) found where none is annotated")
        }
        print(
            "where F1 is lost: \(evaluation.missed) annotated relations no found span touches, \(evaluation.misBounded) found only with other bounds (overlap under half the union), \(evaluation.spurious) found spans touching no annotated relation"
        )
    }
}
