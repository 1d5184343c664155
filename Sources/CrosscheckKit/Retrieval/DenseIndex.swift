public import Foundation

/// Passages' static-embedding vectors in one memory-mapped file beside the store: the token
/// weights they were made with, each passage's row id, its vector quantised to 8 bits with one
/// scale, and — for stores beyond ``DenseIndexBuilder/graphThreshold`` passages — an HNSW graph
/// (Malkov & Yashunin) so a search visits a few thousand vectors instead of all of them. Smaller
/// stores are searched exactly. Built by ``DenseIndexBuilder``; covers passages up to ``maxRowID``.
public final class DenseIndex: Sendable {
    static let magic = Array("CROSSCHECK-DENSE 1\n".utf8)

    let data: Data
    public let count: Int
    public let dimensions: Int
    public let maxRowID: Int64
    /// The embedding the vectors were made with (``ModelIdentity/recorded``); a query must use it.
    public let model: String
    /// The candidate list's length in a graph search: larger finds more of the exact top k, slower.
    public let searchBreadth: Int
    let vocabulary: Int
    let neighbours: Int
    let baseNeighbours: Int
    let entry: Int
    let topLevel: Int
    let weightsOffset: Int
    let rowIDOffset: Int
    let scaleOffset: Int
    let vectorOffset: Int
    let baseOffset: Int
    let upperStartOffset: Int
    let upperOffset: Int

    /// Whether searches walk the graph (else they read every vector).
    public var hasGraph: Bool { baseNeighbours > 0 }

    /// Maps the index file at `path`.
    /// - Throws: ``CrosscheckError`` when the file is not a dense index.
    public convenience init(path: String, searchBreadth: Int = 200) throws {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw CrosscheckError(.unreadable, "cannot read the dense index \(path); rebuild it with crosscheck sources index")
        }
        try self.init(data: data, source: path, searchBreadth: searchBreadth)
    }

    /// Reads an index from `data` (as ``DenseIndexBuilder`` writes it).
    public init(data: Data, source: String = "the dense index", searchBreadth: Int = 200) throws {
        let damaged = CrosscheckError(.unreadable, "\(source) is not a dense passage index; rebuild it with crosscheck sources index")
        guard data.count > Self.magic.count + 4 else { throw damaged }
        let (header, body): ([String: Any], Int) = try data.withUnsafeBytes { raw in
            guard Array(raw[0..<Self.magic.count]) == Self.magic else { throw damaged }
            let length = Int(raw.loadUnaligned(fromByteOffset: Self.magic.count, as: UInt32.self).littleEndian)
            let start = Self.magic.count + 4
            guard start + length <= raw.count,
                let object = try? JSONSerialization.jsonObject(with: Data(raw[start..<(start + length)])) as? [String: Any]
            else { throw damaged }
            return (object, start + length)
        }
        func integer(_ key: String) throws -> Int {
            guard let value = header[key] as? NSNumber else { throw damaged }
            return value.intValue
        }
        self.data = data
        count = try integer("count")
        dimensions = try integer("dimensions")
        vocabulary = try integer("vocabulary")
        maxRowID = Int64(try integer("maxRowID"))
        neighbours = try integer("neighbours")
        baseNeighbours = try integer("baseNeighbours")
        entry = try integer("entry")
        topLevel = try integer("topLevel")
        let upperSlots = try integer("upperSlots")
        guard let model = header["model"] as? String, count >= 0, dimensions > 0, vocabulary >= 0 else { throw damaged }
        self.model = model
        self.searchBreadth = max(searchBreadth, 1)
        var offset = DenseIndexBuilder.aligned(body)
        func section(_ bytes: Int) -> Int {
            defer { offset = DenseIndexBuilder.aligned(offset + bytes) }
            return offset
        }
        weightsOffset = section(4 * vocabulary)
        rowIDOffset = section(8 * count)
        scaleOffset = section(4 * count)
        vectorOffset = section(count * dimensions)
        baseOffset = section(4 * count * baseNeighbours)
        upperStartOffset = section(baseNeighbours > 0 ? 4 * count : 0)
        upperOffset = section(4 * upperSlots)
        guard offset <= DenseIndexBuilder.aligned(data.count) else { throw damaged }
    }

    /// The token weights the passages were embedded with; a query is embedded with the same.
    public func weights() -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<vocabulary).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: weightsOffset + 4 * $0, as: UInt32.self)))
            }
        }
    }

    /// Every passage's row id and vector (as stored, to 8 bits), in row order: what a rebuild
    /// keeps instead of embedding the passage again.
    public func storedVectors() -> [Int64: [Float]] {
        data.withUnsafeBytes { raw in
            let view = View(raw: raw, index: self)
            var vectors: [Int64: [Float]] = [:]
            vectors.reserveCapacity(count)
            for node in 0..<Int32(count) {
                let scale = view.scale(node)
                let start = vectorOffset + Int(node) * dimensions
                vectors[view.rowID(node)] = (0..<dimensions).map { Float(Int8(bitPattern: raw[start + $0])) * scale }
            }
            return vectors
        }
    }

    /// The row ids of the `limit` passages nearest `query` (a unit vector), nearest first, with
    /// their cosine similarity; `exact` reads every vector even when there is a graph.
    public func search(_ query: [Float], limit: Int, exact: Bool = false) -> [(rowID: Int64, similarity: Float)] {
        guard count > 0, limit > 0, query.count == dimensions else { return [] }
        let (quantised, queryScale) = DenseIndexBuilder.quantise(query)
        return data.withUnsafeBytes { raw in
            let view = View(raw: raw, index: self)
            return quantised.withUnsafeBufferPointer { q in
                let found =
                    hasGraph && !exact
                    ? view.graphSearch(q.baseAddress!, scale: queryScale, limit: limit)
                    : view.exactSearch(q.baseAddress!, scale: queryScale, limit: limit)
                return found.map { (view.rowID($0.node), $0.similarity) }
            }
        }
    }

    /// The index's sections over the mapped bytes.
    struct View {
        let raw: UnsafeRawBufferPointer
        let index: DenseIndex

        func rowID(_ node: Int32) -> Int64 {
            Int64(littleEndian: raw.loadUnaligned(fromByteOffset: index.rowIDOffset + 8 * Int(node), as: Int64.self))
        }

        func scale(_ node: Int32) -> Float {
            Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index.scaleOffset + 4 * Int(node), as: UInt32.self)))
        }

        func similarity(_ query: UnsafePointer<Int8>, _ scale: Float, _ node: Int32) -> Float {
            let vector = (raw.baseAddress! + index.vectorOffset + Int(node) * index.dimensions).assumingMemoryBound(to: Int8.self)
            return Float(DenseIndexBuilder.dot(query, vector, index.dimensions)) * scale * self.scale(node)
        }

        func exactSearch(_ query: UnsafePointer<Int8>, scale: Float, limit: Int) -> [(node: Int32, similarity: Float)] {
            var best = NearestHeap(capacity: limit)
            for node in 0..<Int32(index.count) { best.offer(node, similarity(query, scale, node)) }
            return best.sorted()
        }

        /// The neighbours of `node` at `level`, as stored (a list ends at the first -1).
        func neighbours(of node: Int32, level: Int) -> UnsafeBufferPointer<Int32> {
            let start: Int
            let width: Int
            if level == 0 {
                start = index.baseOffset + 4 * Int(node) * index.baseNeighbours
                width = index.baseNeighbours
            } else {
                let first = Int(
                    Int32(littleEndian: raw.loadUnaligned(fromByteOffset: index.upperStartOffset + 4 * Int(node), as: Int32.self)))
                start = index.upperOffset + 4 * (first + (level - 1) * index.neighbours)
                width = index.neighbours
            }
            return UnsafeBufferPointer(start: (raw.baseAddress! + start).assumingMemoryBound(to: Int32.self), count: width)
        }

        func graphSearch(_ query: UnsafePointer<Int8>, scale: Float, limit: Int) -> [(node: Int32, similarity: Float)] {
            var current = Int32(index.entry)
            var currentSimilarity = similarity(query, scale, current)
            if index.topLevel > 0 {
                for level in stride(from: index.topLevel, through: 1, by: -1) {
                    var moved = true
                    while moved {
                        moved = false
                        for next in neighbours(of: current, level: level) {
                            if next < 0 { break }
                            let s = similarity(query, scale, next)
                            if s > currentSimilarity {
                                current = next
                                currentSimilarity = s
                                moved = true
                            }
                        }
                    }
                }
            }
            var visited = Set<Int32>()
            let found = HNSWLayerSearch.search(
                from: [(current, currentSimilarity)], breadth: max(index.searchBreadth, limit), firstVisit: { visited.insert($0).inserted },
                neighbours: { neighbours(of: $0, level: 0) }, similarity: { similarity(query, scale, $0) })
            return Array(found.prefix(limit))
        }
    }
}
