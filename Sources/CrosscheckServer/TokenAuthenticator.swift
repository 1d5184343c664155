import CrosscheckKit
import Foundation
import HTTPTypes
public import Hummingbird

/// Reads `Authorization: Bearer TOKEN`, looks the token up by its hash, and sets the caller; without
/// the header, a session cookie does, and then any change must carry the session's CSRF token in
/// `X-CSRF-Token`, or a form (`application/x-www-form-urlencoded`) in its `csrf` field. A request with neither stays anonymous; a wrong, revoked or malformed token is
/// refused (401), never treated as anonymous.
struct TokenAuthenticator: RouterMiddleware {
    var people: any PeopleStore
    var sessions: SessionBook
    /// The largest form body read to find its CSRF token.
    var maxFormBytes: Int

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: WorkbenchContext, next: (Request, WorkbenchContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            guard let id = request.cookies[SessionRoutes.cookie]?.value, let session = await sessions.session(id) else {
                return try await next(request, context)
            }
            // The person may have been removed or lowered since signing in: their session follows.
            guard let person = try await people.person(named: session.caller.name) else {
                await sessions.close(id)
                return try await next(request, context)
            }
            var request = request
            // The sign-in form carries its own one-off token.
            if ![.get, .head].contains(request.method), request.uri.path != "/login", request.headers[Self.csrfHeader] != session.csrfToken {
                guard FormFields.isForm(request), try await FormFields(collecting: &request, upTo: maxFormBytes)["csrf"] == session.csrfToken else {
                    throw Problem(
                        .forbidden, "CSRF token missing",
                        detail:
                            "a change made through a signed-in session must send its CSRF token (X-CSRF-Token, or the form's csrf field); reload the page or sign in again",
                        type: "urn:crosscheck:error:csrf")
                }
            }
            var context = context
            context.caller = Caller(name: person.name, role: min(session.caller.role, person.role))
            context.csrfToken = session.csrfToken
            return try await next(request, context)
        }
        let refused = Problem(
            .unauthorized, "Bad token", detail: "the token is not valid or was revoked; ask an admin for a new one (crosscheck users token NAME)",
            type: "urn:crosscheck:error:unauthorized")
        guard header.lowercased().hasPrefix("bearer ") else { throw refused }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let id = TokenSecret.id(of: token), let stored = try await people.token(id: id, hash: TokenSecret.hash(token)),
            let person = try await people.person(named: stored.person)
        else { throw refused }
        var context = context
        context.caller = Caller(name: person.name, role: min(stored.role, person.role))
        return try await next(request, context)
    }
}
