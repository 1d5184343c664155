public import Foundation
public import HTTPTypes
public import Hummingbird
import NIOCore

/// A JSON answer from an `Encodable` value, written as the reports are: snake_case keys (unless
/// `keepKeys`), sorted.
struct JSONResponse<Value: Encodable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var value: Value
    var headers: HTTPFields = [:]
    /// Keys as the value's types name them, for formats with their own names (JSON-LD).
    var keepKeys = false

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        if !keepKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// Bytes already encoded as JSON (a stored report).
struct RawJSONResponse: ResponseGenerator {
    var data: Data

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
