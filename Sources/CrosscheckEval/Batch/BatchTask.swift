public import Foundation

/// One task of `crosscheck batch`: turns input objects into output objects.
///
/// Objects are `JSONSerialization` values. Tasks that look at one line at a time implement
/// ``process(_:)``; tasks that need the whole input (comments screened per thread) override
/// ``process(all:)``. Both may be asynchronous (a store is searched with `await`); a
/// synchronous implementation satisfies them too.
public protocol BatchTask {
    /// The output fields for one input object (the runner adds `id`).
    /// - Throws: ``BatchLineError`` (or any error) for a line that cannot be processed.
    func process(_ object: [String: Any]) async throws -> [String: Any]

    /// Whether ``process(all:)`` needs every line before answering. The default is `false`.
    var needsWholeInput: Bool { get }

    /// The outputs for all objects, in order; each is a result or the error for that line.
    func process(all objects: [[String: Any]]) async -> [Result<[String: Any], any Error>]
}

extension BatchTask {
    public var needsWholeInput: Bool { false }

    public func process(all objects: [[String: Any]]) async -> [Result<[String: Any], any Error>] {
        var results: [Result<[String: Any], any Error>] = []
        for object in objects { results.append(await result(object)) }
        return results
    }

    /// One object's output, or the error that stopped it.
    func result(_ object: [String: Any]) async -> Result<[String: Any], any Error> {
        do {
            return .success(try await process(object))
        } catch {
            return .failure(error)
        }
    }
}

/// A problem with one batch line, reported in that line's output.
public struct BatchLineError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }

    /// The error for a missing or non-string field.
    public static func missing(_ field: String, kind: String = "a string") -> BatchLineError {
        BatchLineError("\"\(field)\" is missing or not \(kind)")
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The string field `key`, or a ``BatchLineError`` naming it.
    public func requiredString(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw BatchLineError.missing(key) }
        return value
    }
}
