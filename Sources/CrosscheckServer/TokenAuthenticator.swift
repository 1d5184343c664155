import CrosscheckKit
import Foundation
public import Hummingbird

/// Reads `Authorization: Bearer TOKEN`, looks the token up by its hash, and sets the caller. A
/// request without the header stays anonymous; one with a wrong, revoked or malformed token is
/// refused (401), never treated as anonymous.
struct TokenAuthenticator: RouterMiddleware {
    var people: any PeopleStore

    func handle(_ request: Request, context: WorkbenchContext, next: (Request, WorkbenchContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
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
