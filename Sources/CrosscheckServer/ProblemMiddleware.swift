import CrosscheckKit
public import Hummingbird
import Logging

/// Turns every error a route throws into problem+json: the engine's errors with their own status
/// and message, anything else as a 500 that says what failed.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw Self.problem(for: error, logger: context.logger)
        }
    }

    /// The problem that answers `error`.
    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as CrosscheckError:
            return Problem(error)
        case let error as HTTPResponseError:
            return Problem(error.status, error.status.reasonPhrase, detail: "\(error)")
        default:
            logger.error("request failed", metadata: ["error": "\(error)"])
            return Problem(.internalServerError, "Internal Server Error", detail: "the server failed: \(error); see its log")
        }
    }
}
