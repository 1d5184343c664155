import CrosscheckKit
import Foundation
import Hummingbird

/// Signing in with a password, for the web pages:
///
/// - `POST /api/v1/sessions` — `{"name", "password"}`: sets the `crosscheck_session` cookie
///   (HttpOnly, SameSite=Lax, Secure behind TLS) and answers the CSRF token that every change made
///   through the session must send as `X-CSRF-Token`. Five failures in a row lock the name for 15
///   minutes.
/// - `DELETE /api/v1/sessions` — signs out.
struct SessionRoutes {
    var people: any PeopleStore
    var sessions: SessionBook
    var secureCookies: Bool

    static let cookie = "crosscheck_session"

    struct SignIn: Decodable {
        var name: String
        var password: String
    }

    struct SignedIn: Encodable, Sendable {
        var name: String
        var role: Role
        var csrfToken: String
    }

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.post("sessions") { request, context -> JSONResponse<SignedIn> in
            guard let asked = try? await request.decode(as: SignIn.self, context: context) else {
                throw Problem(.badRequest, "Bad sign-in", detail: "send {\"name\": …, \"password\": …}", type: "urn:crosscheck:error:invalidArgument")
            }
            if let seconds = await sessions.lockedFor(asked.name) {
                throw Problem(
                    .tooManyRequests, "Too many failed sign-ins",
                    detail:
                        "sign-ins for \(asked.name) are locked for \(seconds / 60 + 1) more minutes after repeated failures; wait, or ask an admin",
                    type: "urn:crosscheck:error:lockedOut")
            }
            // The same answer for an unknown name, no password and a wrong one: names are not revealed.
            guard let person = try await people.person(named: asked.name), let hash = person.passwordHash,
                PasswordHash.verify(asked.password, against: hash)
            else {
                await sessions.failed(asked.name)
                throw Problem(
                    .unauthorized, "Sign-in failed",
                    detail: "the name or password is wrong; an admin sets passwords with crosscheck users add --password-stdin",
                    type: "urn:crosscheck:error:unauthorized")
            }
            let opened = await sessions.open(for: Caller(name: person.name, role: person.role))
            return JSONResponse(
                status: .created, value: SignedIn(name: person.name, role: person.role, csrfToken: opened.csrfToken),
                headers: [.setCookie: Self.sessionCookie(opened.id, secure: secureCookies)])
        }
        api.delete("sessions") { request, context -> Response in
            if let id = request.cookies[Self.cookie]?.value { await sessions.close(id) }
            return Response(status: .noContent, headers: [.setCookie: Self.clearedCookie])
        }
    }

    /// The `Set-Cookie` value of a new session: HttpOnly, SameSite=Lax, Secure behind TLS.
    static func sessionCookie(_ id: String, secure: Bool) -> String {
        "\(cookie)=\(id); HttpOnly; SameSite=Lax; Path=/; Max-Age=\(Int(SessionBook.lifetime))" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that signs out.
    static let clearedCookie = "\(cookie)=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0"
}
