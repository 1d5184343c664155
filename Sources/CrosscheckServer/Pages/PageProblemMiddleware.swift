import CrosscheckKit
import HTTPTypes
import Hummingbird

/// For the pages (every path outside `/api/`, the public and hook endpoints, `/health` and `/metrics`), errors are pages too: an
/// anonymous visitor is sent to sign in and brought back, anything else is shown with its status
/// and what to do.
struct PageProblemMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WorkbenchContext, next: (Request, WorkbenchContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard !Self.isAPI(path) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch {
            let problem = ProblemMiddleware<WorkbenchContext>.problem(for: error, logger: context.logger)
            if problem.status == .unauthorized, context.caller == nil, [.get, .head].contains(request.method) {
                let here = request.uri.query.map { path + "?" + $0 } ?? path
                return try SeeOther(location: here == "/" ? "/login" : "/login?next=" + PageFormat.queryValue(here)).response(
                    from: request, context: context)
            }
            let signedOut = problem.status == .unauthorized && context.caller == nil
            let page = ProblemPage(
                chrome: PageChrome(title: problem.title, section: .none, context: context), heading: signedOut ? "Signed out" : problem.title,
                detail: signedOut ? "Your session has ended, so the change was not made; sign in again and repeat it." : problem.detail,
                signIn: signedOut)
            return try HTMLPage(status: problem.status, html: PageRenderer.shared.render(page, "problem")).response(from: request, context: context)
        }
    }

    static func isAPI(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path.hasPrefix("/public/") || path.hasPrefix("/hooks/") || path.hasPrefix("/demo/") || path == "/health"
            || path == "/metrics" || path.hasPrefix("/widget.")
    }

    struct ProblemPage: Sendable {
        var chrome: PageChrome
        var heading: String
        var detail: String
        var signIn: Bool
    }
}
