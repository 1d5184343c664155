import CrosscheckKit
public import Hummingbird
import Logging

/// Turns every error a route throws into problem+json: the engine's errors with their own status
/// and message, anything else as a 500 that says what failed.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as CrosscheckError {
            throw Problem(error)
        } catch let error as HTTPResponseError {
            throw Problem(error.status, error.status.reasonPhrase, detail: "\(error)")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            throw Problem(.internalServerError, "Internal Server Error", detail: "the server failed: \(error); see its log")
        }
    }
}
