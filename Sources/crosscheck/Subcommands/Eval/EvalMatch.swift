import ArgumentParser
import CrosscheckEval
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct EvalMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Claim matching: MAP@5 on the CheckThat! 2022 2A dev and dev-test queries.",
        discussion: """
            Trains the re-ranker on the Train queries only, then ranks the vclaims for the Dev and \
            Dev-Test queries; prints MAP@5 for BM25 alone and for BM25 + re-ranker. With --model, \
            measures that re-ranker instead of training one.
            """
    )

    @Option(help: "The claim-matching data folder (shared/data/claim-matching).")
    var data: String

    @Option(help: "Measure this re-ranker file instead of training one on the Train queries.")
    var model: String?

    @Option(help: "Seed for training.")
    var seed: UInt64 = 1

    @Option(help: "BM25 candidates re-ranked per query.")
    var candidates: Int = 50

    @Option(help: "BM25 k1.")
    var k1: Float = 1.2

    @Option(help: "BM25 b.")
    var b: Float = 0.75

    @Flag(help: "Drop the fact-checks' dates (as when --factchecks gives only id, claim and title).")
    var withoutDates = false

    @Flag(help: "Drop the fact-checks' subtitles.")
    var withoutSubtitles = false

    @Option(help: "Print this many Dev-Test queries whose first answer is wrong.")
    var showErrors: Int = 0

    @Flag(help: "Match by words only (no sentence encoder).")
    var wordsOnly = false

    func run() throws {
        let clock = ContinuousClock()
        var data = try ClaimMatchingData.load(directory: self.data)
        if withoutDates {
            data.factChecks = data.factChecks.map {
                var check = $0; check.date = nil; return check
            }
        }
        if withoutSubtitles {
            data.factChecks = data.factChecks.map {
                var check = $0; check.subtitle = nil; return check
            }
        }
        let encoder = wordsOnly ? nil : try SharedEngine.engine().encoder()
        var start = clock.now
        var matcher = ClaimMatcher(
            factChecks: data.factChecks, configuration: .init(candidates: candidates, k1: k1, b: b), encoder: encoder)
        let evaluation = ClaimMatchingEvaluation(seed: seed)
        print("fact-checks \(data.factChecks.count); queries: train \(data.train.count), dev \(data.dev.count), dev-test \(data.devTest.count)")
        print(
            "matching by \(encoder == nil ? "words" : "words and meaning (\(encoder!.identity.name))"); fact-checks indexed in \(clock.now - start)")
        start = clock.now
        if let model {
            matcher.reranker = try MatchReranker.load(from: Data(contentsOf: URL(fileURLWithPath: model)))
        } else {
            matcher.reranker = evaluation.train(matcher, queries: data.train)
        }
        print("re-ranker ready in \(clock.now - start)")
        if let reranker = matcher.reranker {
            print("weights: " + zip(MatchFeatures.names, reranker.weights).map { "\($0)=\(String(format: "%.2f", $1))" }.joined(separator: " "))
        }
        var lexical = ClaimMatcher(factChecks: data.factChecks, configuration: .init(candidates: candidates, k1: k1, b: b))
        lexical.reranker = matcher.reranker
        print(
            "MAP@5".padding(toLength: 12, withPad: " ", startingAt: 0) + "BM25    BM25 + re-ranker" + (encoder == nil ? "" : "    + dense (hybrid)"))
        for (name, queries) in [("dev", data.dev), ("dev-test", data.devTest)] where !queries.isEmpty {
            let bm25 = evaluation.meanAveragePrecision(lexical, queries: queries, bm25Only: true)
            let reranked = evaluation.meanAveragePrecision(lexical, queries: queries)
            let hybrid = encoder == nil ? nil : evaluation.meanAveragePrecision(matcher, queries: queries)
            print(
                name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%.3f   %.3f", bm25, reranked)
                    + (hybrid.map { String(format: "               %.3f", $0) } ?? ""))
            let recall = queries.map { query -> (Bool, Bool) in
                let ids = matcher.candidates(for: query.text).map { matcher.factChecks[$0.index].id }
                return (ids.prefix(5).contains { query.relevant.contains($0) }, ids.contains { query.relevant.contains($0) })
            }
            if name == "dev-test", showErrors > 0 {
                var shown = 0
                for query in queries where shown < showErrors {
                    let ranked = matcher.match(query.text, limit: 5, includeWeak: true)
                    guard let first = ranked.first, !query.relevant.contains(first.factCheck.id) else { continue }
                    shown += 1
                    let byID = Dictionary(uniqueKeysWithValues: matcher.factChecks.map { ($0.id, $0) })
                    print("\nQ: \(SocialText.normalize(query.text))")
                    print("  got: \(first.factCheck.claim) | \(first.factCheck.title ?? "")")
                    for id in query.relevant {
                        print(
                            "  want (rank \(ranked.firstIndex { $0.factCheck.id == id }.map { String($0 + 1) } ?? "-")): \(byID[id]?.claim ?? id) | \(byID[id]?.title ?? "")"
                        )
                    }
                }
            }
            print(
                "  BM25 candidates hold a match: top 5 \(recall.count { $0.0 }) / top \(matcher.configuration.candidates) \(recall.count { $0.1 }) of \(queries.count) queries"
            )
        }
    }
}
