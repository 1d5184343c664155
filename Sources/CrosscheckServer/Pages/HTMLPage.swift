import HTTPTypes
import Hummingbird
import NIOCore

/// A rendered page: HTML, never cached by shared caches (it shows what one person may see).
struct HTMLPage: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var html: String
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "private, no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// An answer to a form post: back to a page (303, so a reload does not post again).
struct SeeOther: ResponseGenerator {
    var location: String
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
