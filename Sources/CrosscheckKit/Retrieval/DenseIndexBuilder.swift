public import Foundation

/// Builds a ``DenseIndex``: collects each passage's tokens, weighs tokens by how many passages
/// hold them, embeds and quantises every passage, links them into an HNSW graph when there are
/// more than `graphThreshold`, and lays it all out as one file.
public struct DenseIndexBuilder: Sendable {
    /// Beyond this many passages a search walks a graph; below it, reading every vector is fast enough.
    public static let graphThreshold = 100_000

    /// Links per node on the upper layers of the graph (twice this on the bottom layer).
    public var neighbours = 12
    /// The candidate list's length while linking a new node.
    public var constructionBreadth = 64
    public var graphThreshold = DenseIndexBuilder.graphThreshold

    var rowIDs: [Int64] = []
    var vectors: [Int8] = []
    var scales: [Float] = []
    var dimensions = 0

    public init() {}

    public var count: Int { rowIDs.count }

    /// Adds a passage by its row id in the store (in increasing order) and its unit vector.
    public mutating func add(rowID: Int64, vector: [Float]) {
        if rowIDs.isEmpty { dimensions = vector.count }
        precondition(vector.count == dimensions, "every vector of an index has the same length")
        let (quantised, scale) = Self.quantise(vector)
        rowIDs.append(rowID)
        vectors += quantised
        scales.append(scale)
    }

    /// The index's bytes: the vectors, made with `model` (and the static embedding's token
    /// `weights`, empty for the transformer), and a graph beyond ``graphThreshold`` passages.
    public func build(model: String, weights: [Float]) -> Data {
        var graph: HNSWGraph?
        if count > graphThreshold {
            var linked = HNSWGraph(neighbours: neighbours, count: count)
            linked.link(vectors: vectors, scales: scales, dimensions: dimensions, breadth: constructionBreadth)
            graph = linked
        }
        return layout(model: model, weights: weights, vectors: vectors, scales: scales, dimensions: max(dimensions, 1), graph: graph)
    }

    func layout(model: String, weights: [Float], vectors: [Int8], scales: [Float], dimensions: Int, graph: HNSWGraph?) -> Data {
        let header: [String: Any] = [
            "count": count, "dimensions": dimensions, "vocabulary": weights.count, "maxRowID": rowIDs.last ?? 0, "model": model,
            "neighbours": graph?.neighbours ?? 0, "baseNeighbours": graph.map { 2 * $0.neighbours } ?? 0, "entry": graph?.entry ?? 0,
            "topLevel": graph?.topLevel ?? 0, "upperSlots": graph?.upper.count ?? 0,
        ]
        let json = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data()
        var data = Data(DenseIndex.magic)
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        func pad() { data.append(contentsOf: [UInt8](repeating: 0, count: Self.aligned(data.count) - data.count)) }
        func append<T: FixedWidthInteger>(_ values: [T]) {
            pad()
            for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        }
        append(weights.map(\.bitPattern))
        append(rowIDs)
        append(scales.map(\.bitPattern))
        pad()
        vectors.withUnsafeBytes { data.append(contentsOf: $0) }
        if let graph {
            append(graph.base)
            append(graph.upperStart)
            append(graph.upper)
        }
        pad()
        return data
    }

    static func aligned(_ offset: Int) -> Int { (offset + 7) & ~7 }

    /// `vector` as 8-bit integers and the scale that turns them back (value ≈ integer × scale).
    static func quantise(_ vector: [Float]) -> ([Int8], Float) {
        let largest = vector.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else { return ([Int8](repeating: 0, count: vector.count), 0) }
        let scale = largest / 127
        return (vector.map { Int8(($0 / scale).rounded()) }, scale)
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, _ count: Int) -> Int32 {
        var sum: Int32 = 0
        for j in 0..<count { sum &+= Int32(a[j]) &* Int32(b[j]) }
        return sum
    }
}
