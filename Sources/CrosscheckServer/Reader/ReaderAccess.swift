import HTTPTypes
import Hummingbird

/// The public endpoints' gate: answers browsers' CORS preflights and marks answers for the
/// configured news sites only (other origins' pages cannot read them), and limits each client
/// address to its share of requests.
struct ReaderAccess: RouterMiddleware {
    typealias Context = WorkbenchContext

    var origins: Set<String>
    var limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        // The server's own pages (the demo) are always allowed.
        let allowed = origin.map { origins.contains($0.lowercased()) || Self.isSameOrigin($0, request) } ?? false
        if request.method == .options {
            guard allowed else {
                throw Problem(
                    .forbidden, "Origin not allowed",
                    detail: "\(origin ?? "this page") is not one of the sites this server serves; add it to public_origins",
                    type: "urn:crosscheck:error:forbidden")
            }
            var headers = corsHeaders(origin!)
            headers[.accessControlAllowMethods] = "GET, POST"
            headers[.accessControlAllowHeaders] = "Content-Type"
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
        if let origin, !allowed, request.method != .get, request.method != .head {
            // A page elsewhere may not make this server do work (queue a story) in its readers' name.
            throw Problem(
                .forbidden, "Origin not allowed", detail: "\(origin) is not one of the sites this server serves; add it to public_origins",
                type: "urn:crosscheck:error:forbidden")
        }
        if let wait = limiter.take(context.clientAddress) {
            var problem = Problem(
                .tooManyRequests, "Too many requests",
                detail: "this address made over \(limiter.perMinute) requests a minute; try again in \(wait) s",
                type: "urn:crosscheck:error:rateLimited")
            problem.headers[.retryAfter] = String(wait)
            throw problem
        }
        var response = try await next(request, context)
        if let origin, allowed {
            for field in corsHeaders(origin) { response.headers[field.name] = field.value }
        }
        return response
    }

    static func isSameOrigin(_ origin: String, _ request: Request) -> Bool {
        guard let authority = request.head.authority else { return false }
        return origin.lowercased() == "http://" + authority.lowercased() || origin.lowercased() == "https://" + authority.lowercased()
    }

    func corsHeaders(_ origin: String) -> HTTPFields {
        [.accessControlAllowOrigin: origin, .vary: "Origin", HTTPField.Name("Access-Control-Expose-Headers")!: "ETag, Retry-After"]
    }
}
