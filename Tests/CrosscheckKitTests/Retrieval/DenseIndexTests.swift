import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckKit

/// The dense index: exact search on small stores, the HNSW graph on large ones, the file's round
/// trip, and refusal of a file that is not one.
@Suite("Dense passage index")
struct DenseIndexTests {
    /// `count` random unit vectors of `dimensions`, from a fixed seed.
    static func vectors(_ count: Int, dimensions: Int, seed: UInt64) -> [[Float]] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            var vector = (0..<dimensions).map { _ in Float(Int64(random.next() >> 40) - (1 << 23)) / Float(1 << 23) }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for j in vector.indices { vector[j] /= norm }
            return vector
        }
    }

    static func index(_ vectors: [[Float]], graphThreshold: Int) throws -> (DenseIndex, Data) {
        var builder = DenseIndexBuilder()
        builder.graphThreshold = graphThreshold
        for (node, vector) in vectors.enumerated() { builder.add(rowID: Int64(node * 3 + 7), vector: vector) }
        let data = builder.build(model: "test-model 1", weights: [0.5, 2])
        return (try DenseIndex(data: data), data)
    }

    /// The row ids of the `limit` vectors nearest `query`, by brute force in floating point.
    static func nearest(_ query: [Float], in vectors: [[Float]], limit: Int) -> [Int64] {
        let scored = vectors.enumerated().map { node, vector in (Int64(node * 3 + 7), zip(query, vector).reduce(0) { $0 + $1.0 * $1.1 }) }
        return scored.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    @Test func aSmallIndexIsSearchedExactlyAndKeepsItsRowIDsAndWeights() throws {
        let vectors = Self.vectors(300, dimensions: 24, seed: 3)
        let (index, _) = try Self.index(vectors, graphThreshold: 1_000)
        #expect(!index.hasGraph && index.count == 300 && index.maxRowID == 299 * 3 + 7 && index.model == "test-model 1")
        #expect(index.weights() == [0.5, 2])
        // Each stored vector finds itself first; quantisation keeps the similarity near 1.
        for node in [0, 17, 299] {
            let found = index.search(vectors[node], limit: 5)
            #expect(found.first?.rowID == Int64(node * 3 + 7))
            #expect(abs((found.first?.similarity ?? 0) - 1) < 0.02)
        }
        // Against brute force in floating point: the top 10 agree but for near ties.
        let queries = Self.vectors(20, dimensions: 24, seed: 4)
        var agreed = 0
        for query in queries {
            agreed += Set(index.search(query, limit: 10).map(\.rowID)).intersection(Self.nearest(query, in: vectors, limit: 10)).count
        }
        #expect(Double(agreed) / 200 >= 0.95)
        #expect(index.search(Array(vectors[0].prefix(10)), limit: 5).isEmpty, "a query of another length finds nothing")
    }

    @Test func aLargeIndexWalksItsGraphAndFindsMostOfTheExactNearest() throws {
        let vectors = Self.vectors(4_000, dimensions: 32, seed: 5)
        let (index, data) = try Self.index(vectors, graphThreshold: 1_000)
        #expect(index.hasGraph)
        let queries = Self.vectors(50, dimensions: 32, seed: 6)
        var found = 0
        for query in queries {
            found += Set(index.search(query, limit: 10).map(\.rowID)).intersection(Self.nearest(query, in: vectors, limit: 10)).count
        }
        let recall = Double(found) / 500
        #expect(recall >= 0.9, "recall@10 of the graph search \(recall)")
        // The same passages make the same file.
        #expect(try Self.index(vectors, graphThreshold: 1_000).1 == data)
    }

    @Test func aFileRoundTripsAndAnythingElseIsRefused() throws {
        let vectors = Self.vectors(50, dimensions: 8, seed: 7)
        let (index, data) = try Self.index(vectors, graphThreshold: 10)
        let path = ScratchFolder.root.appendingPathComponent("dense-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try data.write(to: URL(fileURLWithPath: path))
        let read = try DenseIndex(path: path)
        #expect(read.search(vectors[9], limit: 3).map(\.rowID) == index.search(vectors[9], limit: 3).map(\.rowID))
        let itself: Int64? = read.search(vectors[9], limit: 1).first?.rowID
        #expect(itself == Int64(9 * 3 + 7))
        try Data("CROSSCHECK-INDEX 1\nnot a dense index".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try DenseIndex(path: path)
        } throws: { error in
            "\(error)".contains("rebuild it with crosscheck sources index")
        }
        #expect(throws: CrosscheckError.self) { try DenseIndex(data: data.prefix(data.count / 2)) }
    }

    @Test func anIndexMadeWithAnotherModelIsRefusedByTheRetriever() throws {
        let encoder = try FixedEmbeddingsTests.encoder(seed: 5, sha256: "aa")
        let (index, _) = try Self.index(Self.vectors(10, dimensions: encoder.dimensions, seed: 8), graphThreshold: 100)
        #expect {
            try DenseRetriever(embedder: .transformer(encoder), index: index)
        } throws: { error in
            "\(error)".contains("test-model 1") && "\(error)".contains("crosscheck sources index")
        }
    }
}
