public import FlyingFox
import FlyingSocks
public import Foundation

/// A small HTTP server on 127.0.0.1 for tests that fetch URLs.
///
/// ```swift
/// try await withLoopbackServer(routes: ["/page": { _ in .html("<p>Hi</p>") }]) { base in
///     let page = try await fetcher.fetch(base + "/page")
/// }
/// ```
package typealias LoopbackHandler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// Runs `body` with a loopback server answering `routes`, then stops the server.
///
/// - Parameter body: Receives the server's base URL, such as `http://127.0.0.1:41234`.
package func withLoopbackServer<T: Sendable>(
    routes: [String: LoopbackHandler], _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
    for (path, handler) in routes {
        await server.appendRoute(HTTPRoute(stringLiteral: path), handler: handler)
    }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        // Generous: on two busy cores the server task may wait its turn for a minute or more; this is
        // only an upper bound, a free machine listens at once.
        try await server.waitUntilListening(timeout: 300)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            throw URLError(.cannotConnectToHost)
        }
        let result = try await body("http://127.0.0.1:\(port)")
        await server.stop(timeout: 0)
        return result
    }
}

extension HTTPResponse {
    /// A response with `body` and a content type.
    package static func text(
        _ body: String, status: HTTPStatusCode = .ok, contentType: String = "text/plain; charset=utf-8",
        headers: [String: String] = [:]
    ) -> HTTPResponse {
        bytes(Data(body.utf8), status: status, contentType: contentType, headers: headers)
    }

    /// An HTML page.
    package static func html(_ body: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        text(body, status: status, contentType: "text/html; charset=utf-8")
    }

    /// A response carrying raw bytes.
    package static func bytes(
        _ body: Data, status: HTTPStatusCode = .ok, contentType: String, headers: [String: String] = [:]
    ) -> HTTPResponse {
        var fields = HTTPHeaders()
        fields[HTTPHeader("Content-Type")] = contentType
        for (name, value) in headers { fields[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: status, headers: fields, body: body)
    }

    /// A redirect to `location`.
    package static func redirect(to location: String, status: HTTPStatusCode = .found) -> HTTPResponse {
        var fields = HTTPHeaders()
        fields[HTTPHeader("Location")] = location
        return HTTPResponse(statusCode: status, headers: fields)
    }
}
