public import Foundation
public import Logging

/// Runs a ``BatchTask`` over JSON Lines: one object in, one object out, same order, `id` echoed.
///
/// A line that is not a JSON object, or has no `id`, gets an error on standard error naming its
/// line number (and an output line with the error when an id can still be read from it); a line the
/// task rejects gets `{"id": ..., "error": "..."}`. Processing always continues.
public struct BatchRunner {
    public var task: any BatchTask
    public var logger: Logger

    public init(task: any BatchTask, logger: Logger = Logger(label: "crosscheck.batch")) {
        self.task = task
        self.logger = logger
    }

    /// Counts of what happened.
    public struct Summary: Sendable {
        public var lines = 0
        public var answered = 0
        public var errors = 0
    }

    /// Reads all of `input`, writes results with `write`, and reports bad lines with `warn`.
    public func run(
        input: FileHandle, write: (Data) throws -> Void, warn: (String) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        var pending: [(line: Int, id: Any, object: [String: Any])] = []

        func emit(_ id: Any, _ result: Result<[String: Any], any Error>) throws {
            var output: [String: Any]
            switch result {
            case .success(let fields):
                output = fields
                summary.answered += 1
            case .failure(let error):
                output = ["error": "\(error)"]
                summary.errors += 1
            }
            output["id"] = id
            var data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys, .withoutEscapingSlashes])
            data.append(0x0A)
            try write(data)
        }

        func handle(_ lineNumber: Int, _ line: Data) async throws {
            summary.lines += 1
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw BatchLineError("not a JSON object")
                }
                object = parsed
            } catch {
                let reason = (error as? BatchLineError)?.description ?? "not valid JSON"
                if let id = Self.salvageID(line) {
                    warn("line \(lineNumber): \(reason); answered with an error line")
                    try emit(id, .failure(BatchLineError("line \(lineNumber) is \(reason)")))
                } else {
                    summary.errors += 1
                    warn("line \(lineNumber): \(reason) and no id could be read; skipped (fix the line and rerun)")
                }
                return
            }
            guard let id = object["id"], id is String || id is NSNumber else {
                summary.errors += 1
                warn("line \(lineNumber): no \"id\" (a string or number); skipped")
                return
            }
            if task.needsWholeInput {
                pending.append((lineNumber, id, object))
            } else {
                try emit(id, await task.result(object))
            }
        }

        var buffer = Data()
        var lineNumber = 0
        while true {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            buffer.append(chunk)
            // Walk the complete lines, then keep only the unfinished tail: one copy per chunk.
            var start = buffer.startIndex
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                try await handle(lineNumber, Data(line))
            }
            buffer = Data(buffer[start...])
        }
        if !buffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
            lineNumber += 1
            try await handle(lineNumber, buffer)
        }
        if task.needsWholeInput {
            let results = await task.process(all: pending.map(\.object))
            for (entry, result) in zip(pending, results) { try emit(entry.id, result) }
        }
        return summary
    }

    /// The `id` of a line that is not valid JSON, when it can still be read (`"id": 12` or `"id": "x"`).
    static func salvageID(_ line: Data) -> Any? {
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "\"id\"") else { return nil }
        var rest = text[range.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        if rest.first == "\"" {
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: "\"") else { return nil }
            return String(body[..<end])
        }
        let digits = rest.prefix { $0.isNumber || $0 == "-" }
        return Int(digits).map { NSNumber(value: $0) }
    }
}
