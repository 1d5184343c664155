public import Foundation

/// A batch task whose lines have types: each input object is decoded as ``Input`` and each
/// answer encoded from ``Output``, so the JSON shapes of `../shared/EVAL.md` are written down once,
/// as types, instead of being read out of dictionaries.
public protocol TypedBatchTask: BatchTask {
    associatedtype Input: BatchInput
    associatedtype Output: Encodable

    /// The answer for one line.
    func answer(_ input: Input) async throws -> Output
}

extension TypedBatchTask {
    public func process(_ object: [String: Any]) async throws -> [String: Any] {
        try BatchCoding.object(try await answer(try BatchCoding.decode(Input.self, from: object)))
    }
}

/// A batch line's input fields.
public protocol BatchInput: Decodable {
    /// What a field must be, for the error when it is missing or of another type.
    static func expected(_ field: String) -> String
}

extension BatchInput {
    public static func expected(_ field: String) -> String { "a string" }
}

/// Between batch lines' JSON objects and their types.
public enum BatchCoding {
    /// `object` decoded as `type`; a missing or mistyped field is a ``BatchLineError`` naming it.
    public static func decode<Input: BatchInput>(_ type: Input.Type, from object: [String: Any]) throws -> Input {
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            return try JSONDecoder().decode(Input.self, from: data)
        } catch let error as DecodingError {
            throw BatchLineError.missing(field(of: error) ?? "?", kind: Input.expected(field(of: error) ?? ""))
        }
    }

    /// `value` as a JSON object for the runner to write.
    public static func object<Output: Encodable>(_ value: Output) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BatchLineError("the answer is not a JSON object")
        }
        return object
    }

    /// The top-level field a decoding error is about.
    static func field(of error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context):
            return context.codingPath.first?.stringValue ?? key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath.first?.stringValue
        @unknown default:
            return nil
        }
    }
}

/// A JSON scalar echoed back as it came (an id may be a string or a number).
public enum JSONScalar: Codable, Sendable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The value as text, for an id (`nil` for null, booleans and other kinds).
    public var text: String? {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return NSNumber(value: value).stringValue
        case .bool, .null: return nil
        }
    }
}
