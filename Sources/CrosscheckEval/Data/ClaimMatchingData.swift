public import CrosscheckKit
public import Foundation

/// The CheckThat! 2022 task 2A data: tweets (queries) and the Snopes fact-checks (vclaims) they match.
public struct ClaimMatchingData: Sendable {
    /// One query with its relevant fact-check ids.
    public struct Query: Sendable {
        public var id: String
        public var text: String
        public var relevant: Set<String>
    }

    public var factChecks: [FactCheck]
    public var train: [Query]
    public var dev: [Query]
    /// Dev-Test queries: their ids collide with the other files' ids, so they are kept apart.
    public var devTest: [Query]

    public static func load(directory: String) throws -> ClaimMatchingData {
        let root = URL(fileURLWithPath: directory)
        func file(_ name: String) -> URL { root.appendingPathComponent(name) }
        let vclaims = file("vclaims.jsonl")
        guard FileManager.default.fileExists(atPath: vclaims.path) else {
            throw EvalError("no vclaims.jsonl in \(directory); point --data at shared/data/claim-matching")
        }
        let factChecks = try FactCheckReader().read(Data(contentsOf: vclaims), name: "vclaims.jsonl").factChecks
        let trainDev = try queries(file("CT2022-Task2A-EN-Train-Dev_Queries.tsv"))
        let devTestQueries = try queries(file("CT2022-Task2A-EN-Dev-Test_Queries.tsv"))
        func join(_ texts: [String: String], _ qrels: URL) throws -> [Query] {
            guard FileManager.default.fileExists(atPath: qrels.path) else { return [] }
            var relevant: [String: Set<String>] = [:]
            var order: [String] = []
            for row in DelimitedReader(separator: "\t").rows(try String(contentsOf: qrels, encoding: .utf8)) where row.count >= 3 {
                if relevant[row[0]] == nil { order.append(row[0]) }
                relevant[row[0], default: []].insert(row[2])
            }
            return order.compactMap { id in texts[id].map { Query(id: id, text: $0, relevant: relevant[id]!) } }
        }
        return ClaimMatchingData(
            factChecks: factChecks,
            train: try join(trainDev, file("CT2022-Task2A-EN-Train_QRELs.tsv")),
            dev: try join(trainDev, file("CT2022-Task2A-EN-Dev_QRELs.tsv")),
            devTest: try join(devTestQueries, file("CT2022-Task2A-EN-Dev-Test_QRELs.tsv")))
    }

    static func queries(_ url: URL) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        var result: [String: String] = [:]
        for row in DelimitedReader(separator: "\t").rows(try String(contentsOf: url, encoding: .utf8)) where row.count >= 2 {
            result[row[0]] = row[1]
        }
        return result
    }
}

/// Mean average precision at k.
public enum RankingMetrics {
    /// AP@k of one ranking: precision at each relevant hit in the top k, over min(|relevant|, k).
    public static func averagePrecision(at k: Int, ranked: [String], relevant: Set<String>) -> Double {
        guard !relevant.isEmpty else { return 0 }
        var hits = 0.0
        var sum = 0.0
        for (rank, id) in ranked.prefix(k).enumerated() where relevant.contains(id) {
            hits += 1
            sum += hits / Double(rank + 1)
        }
        return sum / Double(min(relevant.count, k))
    }

    public static func meanAveragePrecision(at k: Int, _ rankings: [(ranked: [String], relevant: Set<String>)]) -> Double {
        guard !rankings.isEmpty else { return 0 }
        return rankings.map { averagePrecision(at: k, ranked: $0.ranked, relevant: $0.relevant) }.reduce(0, +) / Double(rankings.count)
    }
}

/// Trains and measures claim matching.
public struct ClaimMatchingEvaluation: Sendable {
    public var seed: UInt64
    public var candidates: Int

    public init(seed: UInt64 = 1, candidates: Int = 30) {
        self.seed = seed
        self.candidates = candidates
    }

    /// Trains the re-ranker on `queries`' BM25 candidates.
    public func train(_ matcher: ClaimMatcher, queries: [ClaimMatchingData.Query], info: [String: String] = [:]) -> MatchReranker {
        var examples: [(features: [Float], label: Bool)] = []
        for query in queries {
            for candidate in matcher.candidates(for: query.text) {
                examples.append((candidate.features, query.relevant.contains(matcher.factChecks[candidate.index].id)))
            }
        }
        return MatchReranker.train(examples, seed: seed, info: info)
    }

    /// MAP@5 of `matcher` on `queries`; with `bm25Only`, ranks by BM25 alone.
    public func meanAveragePrecision(_ matcher: ClaimMatcher, queries: [ClaimMatchingData.Query], bm25Only: Bool = false) -> Double {
        var plain = matcher
        if bm25Only { plain.reranker = nil }
        let rankings = queries.map { query in
            (ranked: plain.match(query.text, limit: 5, includeWeak: true).map(\.factCheck.id), relevant: query.relevant)
        }
        return RankingMetrics.meanAveragePrecision(at: 5, rankings)
    }
}
