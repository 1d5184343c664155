import ArgumentParser
import CrosscheckKit
import Foundation

/// Streams files into the store in batches.
struct Importer {
    let store: any EvidenceStore
    let converter: DocumentConverter
    var batch: [EvidenceDocument] = []
    var added = 0
    var duplicates = 0
    var passages = 0
    var problems: [String] = []
    var progress = Progress()

    init(store: any EvidenceStore, converter: DocumentConverter) {
        self.store = store
        self.converter = converter
    }

    static let extensions: Set<String> = ["txt", "md", "text", "html", "htm", "jsonl", "ndjson", "json", "xml", "rss", "atom"]

    static func files(in folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var result: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            if extensions.contains(ext) { result.append((folder as NSString).appendingPathComponent(relative)) }
        }
        return result.sorted()
    }

    mutating func importFile(_ path: String) async throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            try await importJSONLines(path)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append("\(path): cannot read; skipped")
            return
        }
        let result = converter.convert(file: path, data: data)
        problems += result.problems
        for document in result.documents { try await add(document) }
    }

    /// Reads a JSON Lines file in chunks, so memory stays flat however large it is.
    mutating func importJSONLines(_ path: String) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            problems.append("\(path): cannot read; skipped")
            return
        }
        defer { try? handle.close() }
        let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var buffer = Data()
        var read = 0
        var lineOffset = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            read += chunk.count
            buffer.append(chunk)
            guard let last = buffer.lastIndex(of: 0x0A) else { continue }
            let complete = buffer[buffer.startIndex...last]
            buffer = Data(buffer[(last + 1)...])
            let result = converter.jsonLines(Data(complete), name: path)
            problems += result.problems.map { Self.shiftLine($0, by: lineOffset, in: path) }
            lineOffset += complete.count { $0 == 0x0A }
            for document in result.documents { try await add(document) }
            progress.show(done: read / 1000, total: total / 1000, unit: "KB", extra: ", \(added) documents, \(passages) passages")
        }
        if !buffer.isEmpty {
            let result = converter.jsonLines(buffer, name: path)
            problems += result.problems.map { Self.shiftLine($0, by: lineOffset, in: path) }
            for document in result.documents { try await add(document) }
        }
    }

    /// Rewrites "file:N: ..." so N counts from the start of the file, not of the chunk.
    static func shiftLine(_ problem: String, by offset: Int, in path: String) -> String {
        let prefix = path + ":"
        guard offset > 0, problem.hasPrefix(prefix) else { return problem }
        let rest = problem.dropFirst(prefix.count)
        let number = rest.prefix { $0.isNumber }
        guard let value = Int(number) else { return problem }
        return prefix + String(value + offset) + rest.dropFirst(number.count)
    }

    mutating func add(_ document: EvidenceDocument) async throws {
        batch.append(document)
        if batch.count >= 256 { try await flush() }
    }

    mutating func flush() async throws {
        guard !batch.isEmpty else { return }
        for outcome in try await store.add(batch) {
            switch outcome {
            case .added(_, let count):
                added += 1
                passages += count
            case .duplicate, .nearDuplicate:
                duplicates += 1
            }
        }
        batch.removeAll(keepingCapacity: true)
    }
}
