public import Foundation

/// Builds a ``PostingIndex`` file from passages given in increasing row-id order.
public struct PostingIndexBuilder {
    public var k1: Float
    public var b: Float
    private var termNumbers: [String: Int] = [:]
    private var termStrings: [String] = []
    private var docs: [[UInt32]] = []
    private var tfs: [[UInt8]] = []
    private var rowIDs: [Int64] = []
    private var lengths: [UInt16] = []

    public init(k1: Float = 1.2, b: Float = 0.75) {
        self.k1 = k1
        self.b = b
    }

    public var count: Int { rowIDs.count }

    /// Adds one passage's terms (as ``RetrievalTerms`` makes them).
    public mutating func add(rowID: Int64, terms: [String]) {
        let doc = UInt32(rowIDs.count)
        rowIDs.append(rowID)
        lengths.append(UInt16(min(terms.count, Int(UInt16.max))))
        var counts: [String: Int] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        for (term, count) in counts {
            let number: Int
            if let known = termNumbers[term] {
                number = known
            } else {
                number = termStrings.count
                termNumbers[term] = number
                termStrings.append(term)
                docs.append([])
                tfs.append([])
            }
            docs[number].append(doc)
            tfs[number].append(UInt8(min(count, 255)))
        }
    }

    /// Writes the index to `path` (through a temporary file, then renamed), streaming the posting
    /// lists so the builder's own memory is the peak.
    public func write(to path: String) throws {
        let order = termStrings.indices.sorted { Array(termStrings[$0].utf8).lexicographicallyPrecedes(Array(termStrings[$1].utf8)) }
        let passages = rowIDs.count
        let totalLength = lengths.reduce(0) { $0 + Int($1) }
        let averageLength = passages == 0 ? 1 : max(Float(totalLength) / Float(passages), 1)
        let postings = docs.reduce(0) { $0 + $1.count }

        var termOffsets: [UInt32] = [0]
        var termBytes: [UInt8] = []
        var postingOffsets: [UInt64] = [0]
        var bounds: [Float] = []
        for number in order {
            termBytes += Array(termStrings[number].utf8)
            termOffsets.append(UInt32(termBytes.count))
            let list = docs[number]
            let n = Float(list.count)
            let idf = log(1 + (Float(passages) - n + 0.5) / (n + 0.5))
            var best: Float = 0
            for (doc, tf) in zip(list, tfs[number]) {
                let value = Float(tf)
                best = max(best, value * (k1 + 1) / (value + k1 * (1 - b + b * Float(lengths[Int(doc)]) / averageLength)))
            }
            bounds.append(best * idf)
            postingOffsets.append(postingOffsets.last! + UInt64(list.count))
        }

        // A name of its own per process: several workers may rebuild the same index at once.
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp"
        FileManager.default.createFile(atPath: temporary, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CrosscheckError(.writeFailed, "cannot write \(temporary); check the folder is writable")
        }
        var written = 0
        func emit(_ data: Data) {
            handle.write(data)
            written += data.count
        }
        func emit<T>(_ values: [T]) {
            values.withUnsafeBytes { emit(Data($0)) }
        }
        emit(Data(PostingIndex.magic))
        let header: [String: Double] = [
            "passages": Double(passages), "terms": Double(order.count), "maxRowID": Double(rowIDs.last ?? 0),
            "averageLength": Double(averageLength), "k1": Double(k1), "b": Double(b), "postings": Double(postings),
        ]
        let headerData = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        emit(withUnsafeBytes(of: UInt32(headerData.count).littleEndian) { Data($0) })
        emit(headerData)
        var layout = PostingIndex.Layout(start: written)
        func align(_ bytes: Int) {
            let offset = layout.take(bytes)
            if written < offset { emit(Data(count: offset - written)) }
        }
        align(8 * passages); emit(rowIDs)
        align(2 * passages); emit(lengths)
        align(4 * termOffsets.count); emit(termOffsets)
        align(8 * postingOffsets.count); emit(postingOffsets)
        align(4 * bounds.count); emit(bounds)
        align(4 * postings)
        for number in order { emit(docs[number]) }
        align(postings)
        for number in order { emit(tfs[number]) }
        align(termBytes.count); emit(termBytes)
        try handle.close()
        _ = try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}
