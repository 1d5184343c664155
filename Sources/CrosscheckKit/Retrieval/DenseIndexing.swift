import Foundation

/// Builds and refreshes a store's dense index from its passages: with the transformer up to
/// ``transformerLimit`` passages (a rebuild embeds only passages the old index lacks), with the
/// static embedding beyond.
public struct DenseIndexing: Sendable {
    public var encoder: SentenceEncoder
    /// The static embedding for larger stores, made when first needed.
    public var distilled: @Sendable () -> StaticEmbedding
    public var transformerLimit = DenseEmbedder.transformerLimit
    public var graphThreshold = DenseIndexBuilder.graphThreshold
    /// Called now and then with the passages embedded so far and how many need embedding.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(encoder: SentenceEncoder, distilled: @escaping @Sendable () -> StaticEmbedding) {
        self.encoder = encoder
        self.distilled = distilled
    }

    /// The model a store of `passages` passages is embedded with.
    public func model(forPassages passages: Int) -> String {
        passages <= transformerLimit ? encoder.identity.recorded : StaticEmbedding.identity(distilledFrom: encoder).recorded
    }

    /// Builds the store's dense index when it has none or cannot be read, when it was made with
    /// another model than the store's size calls for, or when over 10,000 passages (and a tenth
    /// of those it holds) are newer than it; returns how many passages it then holds, or `nil`
    /// when nothing was built.
    @discardableResult
    public func refreshIfStale(_ store: any DocumentStore) async throws -> Int? {
        guard let path = try await store.denseIndexPath() else { return nil }
        if FileManager.default.fileExists(atPath: path), let index = try? DenseIndex(path: path) {
            let newer = try await store.passages(after: index.maxRowID, limit: max(10_001, index.count / 10 + 1)).count
            let fits = index.model == model(forPassages: index.count + newer)
            if fits, !PostingIndex.isStale(missing: newer, indexed: index.count) { return nil }
        }
        return try await rebuild(store)
    }

    /// Builds the store's dense index from every stored passage (title and text) and writes it
    /// in place of the old one; returns how many passages it holds, or `nil` when the store
    /// keeps no files.
    @discardableResult
    public func rebuild(_ store: any DocumentStore) async throws -> Int? {
        guard let path = try await store.denseIndexPath() else { return nil }
        var passages: [StoredPassage] = []
        var last: Int64 = 0
        while passages.count <= transformerLimit {
            let batch = try await store.passages(after: last, limit: 20_000)
            guard let end = batch.last?.rowID else { break }
            passages += batch
            last = end
        }
        let data: Data
        var builder = DenseIndexBuilder()
        builder.graphThreshold = graphThreshold
        if passages.count <= transformerLimit {
            builder = try embedByTransformer(passages, builder: builder, reusing: path)
            data = builder.build(model: encoder.identity.recorded, weights: [])
        } else {
            (builder, data) = try await embedStatically(passages, builder: builder, from: store, after: last)
        }
        try Self.write(data, to: path)
        return builder.count
    }

    /// Each passage's transformer vector, kept from the old index at `path` when it was made
    /// with the same encoder, else embedded now.
    func embedByTransformer(_ passages: [StoredPassage], builder: DenseIndexBuilder, reusing path: String) throws -> DenseIndexBuilder {
        var builder = builder
        var kept: [Int64: [Float]] = [:]
        if FileManager.default.fileExists(atPath: path), let old = try? DenseIndex(path: path), old.model == encoder.identity.recorded {
            kept = old.storedVectors()
        }
        let missing = passages.filter { kept[$0.rowID] == nil }
        var fresh: [Int64: [Float]] = [:]
        for start in stride(from: 0, to: missing.count, by: 128) {
            let batch = missing[start..<min(start + 128, missing.count)]
            for (passage, vector) in zip(batch, encoder.encode(batch.map(Self.text))) { fresh[passage.rowID] = vector.values }
            progress?(min(start + 128, missing.count), missing.count)
        }
        for passage in passages {
            if let vector = kept[passage.rowID] ?? fresh[passage.rowID] { builder.add(rowID: passage.rowID, vector: vector) }
        }
        return builder
    }

    /// Every passage by the static embedding, its tokens weighted by how many passages hold them.
    func embedStatically(
        _ first: [StoredPassage], builder: DenseIndexBuilder, from store: any DocumentStore, after: Int64
    ) async throws -> (DenseIndexBuilder, Data) {
        var builder = builder
        let embedding = distilled()
        var tokens = first.map { embedding.tokens(Self.text($0)) }
        var rowIDs = first.map(\.rowID)
        var last = after
        while true {
            let batch = try await store.passages(after: last, limit: 20_000)
            guard let end = batch.last?.rowID else { break }
            tokens += batch.map { embedding.tokens(Self.text($0)) }
            rowIDs += batch.map(\.rowID)
            last = end
            progress?(rowIDs.count, 0)
        }
        var frequencies = [Int32](repeating: 0, count: embedding.vocabularySize)
        for passage in tokens {
            for token in Set(passage) where Int(token) < frequencies.count { frequencies[Int(token)] += 1 }
        }
        let weights = StaticEmbedding.weights(documentFrequencies: frequencies, documents: tokens.count)
        for (rowID, passage) in zip(rowIDs, tokens) { builder.add(rowID: rowID, vector: embedding.embed(tokens: passage, weights: weights)) }
        return (builder, builder.build(model: embedding.identity.recorded, weights: weights))
    }

    /// Writes through a temporary file renamed into place; a reader that mapped the old file
    /// keeps its copy.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CrosscheckError(
                .storeFailed, "cannot write the dense index \(path) (\(error)); check the folder's space and permissions", cause: error)
        }
    }

    /// What is embedded of a passage: its document's title, then its text.
    static func text(_ passage: StoredPassage) -> String {
        (passage.title.map { $0 + ". " } ?? "") + passage.text
    }
}
