import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out from the pages:
///
/// - `GET /login` — the form; it carries a one-off token that must come back with the post, also
///   in a cookie, so another site cannot sign someone in behind their back.
/// - `POST /login` — checks the password (the same lockout as the API), opens a session and goes
///   to `next` (a path on this server) or the queue.
/// - `POST /logout` — closes the session (its CSRF token in the form).
struct SignInPage {
    var people: any PeopleStore
    var sessions: SessionBook
    var secureCookies: Bool

    static let loginCookie = "crosscheck_login"

    struct Page: Sendable {
        var chrome: PageChrome
        var loginToken: String
        var next: String
        var name: String
        var error: String?
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("login") { request, context -> HTMLPage in
            form(context, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), name: "", error: nil, status: .ok)
        }
        router.post("login") { request, context -> Response in
            var request = request
            let fields = try await FormFields(collecting: &request, upTo: 16 * 1024)
            let next = Self.safeNext(fields["next"])
            let name = fields.text("name") ?? ""
            guard let token = fields["login_token"], !token.isEmpty, request.cookies[Self.loginCookie]?.value == token else {
                return try form(
                    context, next: next, name: name, error: "The sign-in form had expired; sign in again.", status: .forbidden
                ).response(from: request, context: context)
            }
            if let seconds = await sessions.lockedFor(name) {
                return try form(
                    context, next: next, name: name,
                    error: "Sign-ins for \(name) are locked for \(seconds / 60 + 1) more minutes after repeated failures; wait, or ask an admin.",
                    status: .tooManyRequests
                ).response(from: request, context: context)
            }
            guard let person = try await people.person(named: name), let hash = person.passwordHash,
                PasswordHash.verify(fields["password"] ?? "", against: hash)
            else {
                await sessions.failed(name)
                return try form(context, next: next, name: name, error: "The name or password is wrong.", status: .unauthorized)
                    .response(from: request, context: context)
            }
            let opened = await sessions.open(for: Caller(name: person.name, role: person.role))
            var headers = HTTPFields()
            headers.append(HTTPField(name: .setCookie, value: SessionRoutes.sessionCookie(opened.id, secure: secureCookies)))
            headers.append(HTTPField(name: .setCookie, value: "\(Self.loginCookie)=; HttpOnly; SameSite=Strict; Path=/login; Max-Age=0"))
            return try SeeOther(location: next, headers: headers).response(from: request, context: context)
        }
        router.post("logout") { request, context -> SeeOther in
            // Only a live session's own form (its CSRF token checked on the way in) signs it out.
            guard context.caller != nil, let id = request.cookies[SessionRoutes.cookie]?.value, await sessions.session(id) != nil else {
                return SeeOther(location: "/login")
            }
            await sessions.close(id)
            return SeeOther(location: "/login", headers: [.setCookie: SessionRoutes.clearedCookie])
        }
    }

    /// The sign-in form with a fresh one-off token.
    func form(_ context: WorkbenchContext, next: String, name: String, error: String?, status: HTTPResponse.Status) -> HTMLPage {
        let token = SessionBook.random()
        let page = Page(
            chrome: PageChrome(signedOut: "Sign in"), loginToken: token, next: next,
            name: name, error: error)
        return HTMLPage(
            status: status, html: PageRenderer.shared.render(page, "signin"),
            headers: [
                .setCookie: "\(Self.loginCookie)=\(token); HttpOnly; SameSite=Strict; Path=/login; Max-Age=3600" + (secureCookies ? "; Secure" : "")
            ])
    }

    /// `next` when it is a path on this server, else the queue: a sign-in never sends anyone elsewhere.
    static func safeNext(_ next: String?) -> String {
        // No control characters or spaces (browsers drop tabs, making "/\t/evil" "//evil"), no
        // backslashes, and a path, not "//host".
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else {
            return "/"
        }
        return next
    }
}
