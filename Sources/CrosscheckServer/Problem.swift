public import CrosscheckKit
import Foundation
public import HTTPTypes
public import Hummingbird
import NIOCore

/// An error answer in RFC 9457's problem+json: a status, a one-line title, and a detail that says
/// what to do.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String
    /// A stable name for the kind of problem (the engine's error code where there is one).
    public var type: String
    /// Headers the answer carries besides its type (`Retry-After`, say).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ title: String, detail: String, type: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type ?? "about:blank"
    }

    /// The problem for an engine error: bad input is the client's to fix, a store or model
    /// failure is the server's.
    public init(_ error: CrosscheckError) {
        let clientCodes: Set<CrosscheckError.Code> = [
            .emptyArticle, .binaryInput, .inputTooLarge, .malformedJSON, .invalidArgument, .unsupportedContent, .badDataLine,
        ]
        let status: HTTPResponse.Status =
            error.code == .inputTooLarge
            ? .contentTooLarge
            : error.code == .speechUnavailable
                ? .serviceUnavailable : clientCodes.contains(error.code) ? .unprocessableContent : .internalServerError
        self.init(status, status.reasonPhrase, detail: error.description, type: "urn:crosscheck:error:\(error.code)")
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: [String: Any] = [
            "type": type, "title": title, "status": Int(status.code), "detail": detail, "instance": request.uri.path,
        ]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
