public import Foundation

/// A read-only BM25 index in one memory-mapped file: sorted terms, posting lists (passage
/// numbers and term frequencies), passage lengths and per-term score bounds.
///
/// Searches use MaxScore: terms whose best possible contribution cannot lift a passage into the
/// current top k are only probed (by binary search) for passages the other terms found, so common
/// words in a query cost little. The SQLite store stays the system of record; this file is rebuilt
/// from it (``PostingIndexBuilder``) and covers passages up to ``maxRowID``.
public final class PostingIndex: Sendable {
    static let magic = Array("CROSSCHECK-INDEX 1\n".utf8)

    let data: Data
    public let passages: Int
    public let terms: Int
    public let maxRowID: Int64
    let averageLength: Float
    let k1: Float
    let b: Float
    let rowIDOffset: Int
    let lengthOffset: Int
    let termOffsetOffset: Int
    let termBytesOffset: Int
    let postingOffsetOffset: Int
    let boundOffset: Int
    let docsOffset: Int
    let tfsOffset: Int

    /// Whether an index missing `missing` passages, of `indexed` it holds, is worth rebuilding:
    /// over 10,000 are missing and over a tenth of those indexed.
    public static func isStale(missing: Int, indexed: Int) -> Bool {
        missing > 10_000 && missing * 10 > indexed
    }

    /// Maps the index file at `path`.
    /// - Throws: ``CrosscheckError`` when the file is not an index.
    public init(path: String) throws {
        let damaged = CrosscheckError(.unreadable, "\(path) is not a passage index; rebuild it with crosscheck sources index")
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped), data.count > Self.magic.count + 8 else {
            throw damaged
        }
        self.data = data
        let (header, body): ([String: Double], Int) = try data.withUnsafeBytes { raw in
            guard Array(raw[0..<Self.magic.count]) == Self.magic else { throw damaged }
            let length = Int(raw.loadUnaligned(fromByteOffset: Self.magic.count, as: UInt32.self).littleEndian)
            let start = Self.magic.count + 4
            guard start + length <= raw.count,
                let object = try? JSONSerialization.jsonObject(with: Data(raw[start..<(start + length)])) as? [String: Double]
            else { throw damaged }
            return (object, start + length)
        }
        guard let passages = header["passages"], let terms = header["terms"], let maxRowID = header["maxRowID"],
            let averageLength = header["averageLength"], let k1 = header["k1"], let b = header["b"], let postings = header["postings"]
        else { throw damaged }
        self.passages = Int(passages)
        self.terms = Int(terms)
        self.maxRowID = Int64(maxRowID)
        self.averageLength = Float(averageLength)
        self.k1 = Float(k1)
        self.b = Float(b)
        var layout = Layout(start: body)
        rowIDOffset = layout.take(8 * self.passages)
        lengthOffset = layout.take(2 * self.passages)
        termOffsetOffset = layout.take(4 * (self.terms + 1))
        postingOffsetOffset = layout.take(8 * (self.terms + 1))
        boundOffset = layout.take(4 * self.terms)
        docsOffset = layout.take(4 * Int(postings))
        tfsOffset = layout.take(Int(postings))
        termBytesOffset = layout.take(0)
        guard termBytesOffset <= data.count else { throw damaged }
    }

    /// Sections start on 8-byte boundaries.
    struct Layout {
        var position: Int
        init(start: Int) { position = (start + 7) & ~7 }
        mutating func take(_ bytes: Int) -> Int {
            let offset = position
            position = (position + bytes + 7) & ~7
            return offset
        }
    }

    /// The best passages for query terms (already stemmed), as (row id, BM25 score), best first.
    public func search(terms queryTerms: [String], limit: Int) -> [(rowID: Int64, score: Float)] {
        guard limit > 0, passages > 0 else { return [] }
        return data.withUnsafeBytes { raw -> [(rowID: Int64, score: Float)] in
            let base = raw.baseAddress!
            let lengths = base.advanced(by: lengthOffset).assumingMemoryBound(to: UInt16.self)
            let rowIDs = base.advanced(by: rowIDOffset).assumingMemoryBound(to: Int64.self)
            let docs = base.advanced(by: docsOffset).assumingMemoryBound(to: UInt32.self)
            let tfs = base.advanced(by: tfsOffset).assumingMemoryBound(to: UInt8.self)
            let postingOffsets = base.advanced(by: postingOffsetOffset).assumingMemoryBound(to: UInt64.self)
            let bounds = base.advanced(by: boundOffset).assumingMemoryBound(to: Float.self)

            // Query terms with their lists, weights and bounds, weakest bound first.
            var counts: [String: Int] = [:]
            for term in queryTerms { counts[term, default: 0] += 1 }
            struct Cursor {
                var start: Int
                var end: Int
                var position: Int
                var idf: Float
                var bound: Float
            }
            var cursors: [Cursor] = []
            for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
                guard let index = lookup(term, raw) else { continue }
                let start = Int(postingOffsets[index])
                let end = Int(postingOffsets[index + 1])
                let n = Float(end - start)
                let idf = log(1 + (Float(passages) - n + 0.5) / (n + 0.5)) * Float(count)
                cursors.append(Cursor(start: start, end: end, position: start, idf: idf, bound: bounds[index] * Float(count)))
            }
            guard !cursors.isEmpty else { return [] }
            cursors.sort { $0.bound < $1.bound || ($0.bound == $1.bound && $0.start < $1.start) }
            var prefixBounds: [Float] = []
            var running: Float = 0
            for cursor in cursors {
                running += cursor.bound
                prefixBounds.append(running)
            }
            let k1 = self.k1
            let norm = k1 * (1 - b)
            let lengthFactor = k1 * b / averageLength
            func contribution(_ cursor: Cursor, _ position: Int, _ doc: Int) -> Float {
                let tf = Float(tfs[position])
                return cursor.idf * tf * (k1 + 1) / (tf + norm + lengthFactor * Float(lengths[doc]))
            }

            var heap = TopK(capacity: limit)
            var firstEssential = 0  // cursors below this index are non-essential
            while true {
                // Advance to the smallest current passage among the essential lists.
                var doc = Int.max
                for index in firstEssential..<cursors.count where cursors[index].position < cursors[index].end {
                    doc = min(doc, Int(docs[cursors[index].position]))
                }
                if doc == Int.max { break }
                var score: Float = 0
                for index in firstEssential..<cursors.count {
                    let position = cursors[index].position
                    if position < cursors[index].end, Int(docs[position]) == doc {
                        score += contribution(cursors[index], position, doc)
                        cursors[index].position += 1
                    }
                }
                // Probe the non-essential lists, strongest first, while the passage can still make it.
                var index = firstEssential - 1
                while index >= 0, score + prefixBounds[index] > heap.threshold {
                    var low = cursors[index].position
                    var high = cursors[index].end
                    while low < high {
                        let middle = (low + high) / 2
                        if Int(docs[middle]) < doc { low = middle + 1 } else { high = middle }
                    }
                    cursors[index].position = low
                    if low < cursors[index].end, Int(docs[low]) == doc { score += contribution(cursors[index], low, doc) }
                    index -= 1
                }
                if heap.insert(doc: doc, score: score) {
                    while firstEssential < cursors.count, prefixBounds[firstEssential] <= heap.threshold { firstEssential += 1 }
                    if firstEssential == cursors.count { break }
                }
            }
            return heap.sorted().map { (rowID: rowIDs[$0.doc], score: $0.score) }
        }
    }

    /// The term's number, by binary search over the sorted term bytes.
    private func lookup(_ term: String, _ raw: UnsafeRawBufferPointer) -> Int? {
        let offsets = raw.baseAddress!.advanced(by: termOffsetOffset).assumingMemoryBound(to: UInt32.self)
        let bytes = raw.baseAddress!.advanced(by: termBytesOffset).assumingMemoryBound(to: UInt8.self)
        let key = Array(term.utf8)
        var low = 0
        var high = terms
        while low < high {
            let middle = (low + high) / 2
            let start = Int(offsets[middle])
            let end = Int(offsets[middle + 1])
            var order = 0
            var index = 0
            while index < min(end - start, key.count) {
                let a = bytes[start + index]
                let c = key[index]
                if a != c { order = a < c ? -1 : 1; break }
                index += 1
            }
            if order == 0 { order = (end - start) < key.count ? -1 : (end - start) > key.count ? 1 : 0 }
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The BM25 inverse document frequency of a term, as the index scores with it.
    public func inverseDocumentFrequency(_ term: String) -> Double {
        data.withUnsafeBytes { raw in
            let postingOffsets = raw.baseAddress!.advanced(by: postingOffsetOffset).assumingMemoryBound(to: UInt64.self)
            let n = lookup(term, raw).map { Double(postingOffsets[$0 + 1] - postingOffsets[$0]) } ?? 0
            return log(1 + (Double(passages) - n + 0.5) / (n + 0.5))
        }
    }

    /// The BM25 score of a passage's terms for the query, with this index's statistics (for
    /// passages newer than the index).
    public func score(query: [String], passage: [String]) -> Float {
        data.withUnsafeBytes { raw in
            let postingOffsets = raw.baseAddress!.advanced(by: postingOffsetOffset).assumingMemoryBound(to: UInt64.self)
            var frequencies: [String: Int] = [:]
            for term in passage { frequencies[term, default: 0] += 1 }
            var total: Float = 0
            for term in Set(query).sorted() {
                guard let tf = frequencies[term] else { continue }
                let n = lookup(term, raw).map { Float(postingOffsets[$0 + 1] - postingOffsets[$0]) } ?? 0
                let idf = log(1 + (Float(passages) - n + 0.5) / (n + 0.5))
                let norm = k1 * (1 - b + b * Float(passage.count) / averageLength)
                total += idf * Float(tf) * (k1 + 1) / (Float(tf) + norm)
            }
            return total
        }
    }
}

/// The k best (passage, score) pairs seen so far.
struct TopK {
    let capacity: Int
    private var items: [(doc: Int, score: Float)] = []

    init(capacity: Int) { self.capacity = capacity }

    /// The score a passage must beat to enter.
    var threshold: Float { items.count < capacity ? 0 : items[0].score }

    /// Inserts when good enough; returns whether the threshold may have risen.
    mutating func insert(doc: Int, score: Float) -> Bool {
        guard score > threshold || items.count < capacity else { return false }
        if items.count < capacity {
            items.append((doc, score))
            siftUp(items.count - 1)
        } else {
            items[0] = (doc, score)
            siftDown(0)
        }
        return items.count == capacity
    }

    func sorted() -> [(doc: Int, score: Float)] {
        items.sorted { $0.score > $1.score || ($0.score == $1.score && $0.doc < $1.doc) }
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        items[a].score < items[b].score || (items[a].score == items[b].score && items[a].doc > items[b].doc)
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, less(left, smallest) { smallest = left }
            if right < items.count, less(right, smallest) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
