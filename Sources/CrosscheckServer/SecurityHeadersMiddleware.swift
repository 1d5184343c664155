import HTTPTypes
public import Hummingbird

/// Headers on every answer that keep browsers from running or framing anything the server did not
/// mean to serve: a Content-Security-Policy without inline script, no MIME sniffing, no framing, no
/// referrer to other sites. Article HTML, feeds and comments are untrusted, so this is the second
/// line behind escaping.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields {
        [
            HTTPField.Name("Content-Security-Policy")!:
                "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            for field in Self.headers { response.headers[field.name] = field.value }
            return response
        } catch let error as HTTPResponseError {
            var response = try error.response(from: request, context: context)
            for field in Self.headers { response.headers[field.name] = field.value }
            return response
        }
    }
}
