import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The review pages over the in-process router: signing in, the queue, the article page's review
/// forms, comment moderation, publishing, and what untrusted text becomes on a page.
@Suite("Server pages")
struct ServerPageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// `fields` as a form body.
    static func encoded(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(
            string: fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
    }

    /// A session for `name` (signed in through the API): its cookie header and CSRF token.
    static func session(_ client: some TestClientProtocol, _ name: String) async throws -> (cookie: HTTPFields, csrf: String) {
        let signedIn = try await ServerSessionTests.signIn(client, name, ServerSessionTests.password)
        let cookie = String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])
        return ([.cookie: cookie], try #require(try ServerAPITests.json(signedIn.body)["csrf_token"] as? String))
    }

    static func person(_ store: SQLiteEvidenceStore, _ name: String, _ role: Role) async throws {
        try await store.add(
            Person(name: name, role: role, added: "2026-12-02T00:00:00Z", passwordHash: try PasswordHash.make(ServerSessionTests.password)))
    }

    @Test func anonymousVisitorsSignInThroughTheFormAndComeBack() async throws {
        let store = try ServerAPITests.store()
        try await Self.person(store, "ana", .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            let queue = try await client.execute(uri: "/", method: .get)
            #expect(queue.status == .seeOther && queue.headers[.location] == "/login")
            let audit = try await client.execute(uri: "/audit?actor=ana", method: .get)
            #expect(audit.headers[.location] == "/login?next=%2Faudit%3Factor%3Dana")

            let login = try await client.execute(uri: "/login?next=/audit", method: .get)
            #expect(login.status == .ok)
            let cookie = String(try #require(login.headers[.setCookie]).split(separator: ";")[0])
            let token = String(cookie.split(separator: "=")[1])
            #expect(String(buffer: login.body).contains(#"name="login_token" value="\#(token)""#))

            // Without the form's one-off token (a post from another site), nobody is signed in.
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: Self.form,
                body: Self.encoded([("name", "ana"), ("password", ServerSessionTests.password), ("login_token", "guess")]))
            #expect(forged.status == .forbidden && forged.headers[.setCookie]?.contains("crosscheck_session=") != true)
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: Self.form + [.cookie: cookie],
                body: Self.encoded([("name", "ana"), ("password", "not it"), ("login_token", token)]))
            #expect(wrong.status == .unauthorized && String(buffer: wrong.body).contains("The name or password is wrong."))

            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: Self.form + [.cookie: cookie],
                body: Self.encoded([("name", "ana"), ("password", ServerSessionTests.password), ("login_token", token), ("next", "/audit")]))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/audit")
            let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("crosscheck_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax"))
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: String(session.split(separator: ";")[0])])
            #expect(page.status == .ok && String(buffer: page.body).contains("ana · analyst"))
            // A sign-in never sends anyone to another site.
            for next in ["//evil.example/", "/%09/evil.example", "/%5Cevil.example", "https://evil.example/"] {
                let offsite = try await client.execute(uri: "/login?next=\(next)", method: .get)
                #expect(String(buffer: offsite.body).contains(#"name="next" value="/""#), "\(next)")
            }
            // Signed in already, the form still works (it has its own token, not the session's).
            let again = try await client.execute(uri: "/login", method: .get, headers: [.cookie: String(session.split(separator: ";")[0])])
            let againCookie = String(try #require(again.headers[.setCookie]).split(separator: ";")[0])
            let resigned = try await client.execute(
                uri: "/login", method: .post,
                headers: Self.form + [.cookie: String(session.split(separator: ";")[0]) + "; " + againCookie],
                body: Self.encoded([
                    ("name", "ana"), ("password", ServerSessionTests.password), ("login_token", String(againCookie.split(separator: "=")[1])),
                ]))
            #expect(resigned.status == .seeOther)
            // Error pages keep the navigation of the signed-in.
            let missing = try await client.execute(uri: "/articles/nope", method: .get, headers: [.cookie: String(session.split(separator: ";")[0])])
            #expect(missing.status == .notFound && String(buffer: missing.body).contains("Sign out"))
        }
    }

    @Test func theSignInFormLocksANameAfterRepeatedFailures() async throws {
        let store = try ServerAPITests.store()
        try await Self.person(store, "ana", .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            func attempt(_ password: String) async throws -> TestResponse {
                let login = try await client.execute(uri: "/login", method: .get)
                let cookie = String(try #require(login.headers[.setCookie]).split(separator: ";")[0])
                return try await client.execute(
                    uri: "/login", method: .post, headers: Self.form + [.cookie: cookie],
                    body: Self.encoded([("name", "ana"), ("password", password), ("login_token", String(cookie.split(separator: "=")[1]))]))
            }
            for _ in 0..<5 { #expect(try await attempt("wrong").status == .unauthorized) }
            let locked = try await attempt(ServerSessionTests.password)
            #expect(locked.status == .tooManyRequests && String(buffer: locked.body).contains("locked"))
        }
    }

    @Test func aFormPostedThroughASessionNeedsItsCSRFToken() async throws {
        let store = try ServerAPITests.store()
        try await Self.person(store, "ana", .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            let (cookie, csrf) = try await Self.session(client, "ana")
            let article = ("article", "Ferry fares will rise by 5 percent in April, the operator said.")
            let without = try await client.execute(uri: "/articles", method: .post, headers: Self.form + cookie, body: Self.encoded([article]))
            #expect(without.status == .forbidden)
            #expect(without.headers[.contentType]?.hasPrefix("text/html") == true)
            let wrong = try await client.execute(
                uri: "/articles", method: .post, headers: Self.form + cookie, body: Self.encoded([article, ("csrf", "guess")]))
            #expect(wrong.status == .forbidden)
            #expect(try await store.jobs(state: nil, limit: 10).isEmpty)
            let with = try await client.execute(
                uri: "/articles", method: .post, headers: Self.form + cookie, body: Self.encoded([article, ("csrf", csrf)]))
            #expect(with.status == .seeOther && with.headers[.location]?.hasPrefix("/articles/") == true)
            #expect(try await store.jobs(state: nil, limit: 10).count == 1)
            // The queue's forms carry the token.
            #expect(String(buffer: try await client.execute(uri: "/", method: .get, headers: cookie).body).contains(#"name="csrf" value="\#(csrf)""#))
            // Signing out ends the session.
            let out = try await client.execute(uri: "/logout", method: .post, headers: Self.form + cookie, body: Self.encoded([("csrf", csrf)]))
            #expect(out.status == .seeOther && out.headers[.location] == "/login")
            #expect(try await client.execute(uri: "/", method: .get, headers: cookie).status == .seeOther)
        }
    }

    @Test func everyChangingFormRefusesAnonymousAndUnderPrivilegedCallers() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let viewer = try await ServerAPITests.token(store, "vic", role: .viewer)
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await ServerReviewTests.analysed(client, auth: analyst)
            let review = Self.encoded([("target", "claim:0:verdict"), ("value", "refuted"), ("note", "checked")])
            let changes: [(String, ByteBuffer, Role)] = [
                ("/articles", Self.encoded([("article", "Fares rose 5 percent.")]), .analyst),
                ("/articles/\(id)/reviews", review, .analyst),
                ("/articles/\(id)/comments/c1/moderate", Self.encoded([("decision", "reject"), ("note", "spam")]), .analyst),
                ("/articles/\(id)/claims/0/publish", Self.encoded([]), .editor),
            ]
            for (path, body, role) in changes {
                #expect(try await client.execute(uri: path, method: .post, headers: Self.form, body: body).status == .unauthorized, "\(path)")
                #expect(try await client.execute(uri: path, method: .post, headers: Self.form + viewer, body: body).status == .forbidden, "\(path)")
                if role == .editor {
                    #expect(try await client.execute(uri: path, method: .post, headers: Self.form + analyst, body: body).status == .forbidden)
                }
            }
            // A viewer sees the article but no review forms.
            let page = String(buffer: try await client.execute(uri: "/articles/\(id)", method: .get, headers: viewer).body)
            #expect(page.contains("Claims to check") && !page.contains("/reviews\""))
            #expect(try await store.reviews(ofJob: id).isEmpty)
        }
    }

    @Test func anAnalystReviewsAClaimAndModeratesACommentFromThePages() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let article = """
            <html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise 5 percent in April</h1>
            <p>Ferry fares will rise by 5 percent in April, the operator said on Monday, the first rise since 2019.</p>
            <p>The city council approved the plan by 6 votes to 3 on Tuesday.</p></article>
            <section class="comments"><div class="comment" id="comment-1"><span class="author">Rae</span><p>Fares up again, and the boats are late.</p></div>
            <div class="comment" id="comment-2"><span class="author">deals4u</span><p>Cheap watches at example.com, click now!</p></div></section>
            </body></html>
            """
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await ServerReviewTests.analysed(client, auth: analyst, article: article)
            let page = String(buffer: try await client.execute(uri: "/articles/\(id)", method: .get, headers: analyst).body)
            #expect(page.contains(##"<a class="claim" href="#claim-"##))
            #expect(page.contains(#"value="claim:0:verdict""#))

            let reviewed = try await client.execute(
                uri: "/articles/\(id)/reviews", method: .post, headers: Self.form + analyst,
                body: Self.encoded([("target", "claim:0:verdict"), ("value", "refuted"), ("note", "the operator's notice says 3 percent")]))
            #expect(reviewed.status == .seeOther && reviewed.headers[.location] == "/articles/\(id)#claim-0")
            let after = String(buffer: try await client.execute(uri: "/articles/\(id)", method: .get, headers: analyst).body)
            #expect(after.contains("the operator&#39;s notice says 3 percent"))
            #expect(after.contains(#"<option value="refuted" selected>"#))
            // A note is required.
            let noNote = try await client.execute(
                uri: "/articles/\(id)/reviews", method: .post, headers: Self.form + analyst,
                body: Self.encoded([("target", "claim:0:verdict"), ("value", "mixed"), ("note", " ")]))
            #expect(noNote.status == .badRequest && String(buffer: noNote.body).contains("note"))

            let comments = String(buffer: try await client.execute(uri: "/articles/\(id)/comments", method: .get, headers: analyst).body)
            #expect(comments.contains("deals4u") && comments.contains("Approve"))
            let commentID = try #require(try await store.report(forJob: id).map { try JSONReportRenderer.decoder().decode(Report.self, from: $0) })
                .article.comments.first { $0.author == "deals4u" }?.id
            let moderated = try await client.execute(
                uri: "/articles/\(id)/comments/\(try #require(commentID))/moderate", method: .post, headers: Self.form + analyst,
                body: Self.encoded([("decision", "reject"), ("note", "advertising")]))
            #expect(moderated.status == .seeOther)
            let reviews = try await store.reviews(ofJob: id)
            #expect(reviews.map(\.target.text) == ["claim:0:verdict", "comment:\(commentID!)"])
            #expect(reviews.last?.after == "true" && reviews.last?.note == "advertising")
            let screen = String(buffer: try await client.execute(uri: "/articles/\(id)/comments", method: .get, headers: analyst).body)
            #expect(screen.contains(#"<span class="label rejected">rejected</span>"#))

            let audit = String(buffer: try await client.execute(uri: "/audit?subject=\(id)", method: .get, headers: analyst).body)
            #expect(audit.contains("the operator&#39;s notice says 3 percent") && audit.contains("advertising"))
            #expect(audit.contains("review.override"))
            let nobody = String(buffer: try await client.execute(uri: "/audit?actor=nobody", method: .get, headers: analyst).body)
            #expect(!nobody.contains("advertising"))
        }
    }

    @Test func theQueueShowsEachArticleWhereItStands() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let editor = try await ServerAPITests.token(store, "ed", role: .editor)
        try await ServerAPITests.application(store).test(.router) { client in
            let fresh = try await ServerReviewTests.analysed(client, auth: analyst, query: "?url=https://ferry.example/Fresh&name=Fresh%20story")
            let reviewed = try await ServerReviewTests.analysed(
                client, auth: analyst, query: "?url=https://ferry.example/Reviewed&name=Reviewed%20story")
            let published = try await ServerReviewTests.analysed(
                client, auth: analyst, query: "?url=https://ferry.example/Published&name=Published%20story")
            for id in [reviewed, published] {
                let done = try await client.execute(
                    uri: "/articles/\(id)/reviews", method: .post, headers: Self.form + analyst,
                    body: Self.encoded([("target", "claim:0:verdict"), ("value", "refuted"), ("note", "checked")]))
                #expect(done.status == .seeOther)
            }
            let publish = try await client.execute(uri: "/articles/\(published)/claims/0/publish", method: .post, headers: Self.form + editor)
            #expect(publish.status == .seeOther)
            let preview = String(
                buffer: try await client.execute(uri: "/articles/\(published)/claims/0/claimreview", method: .get, headers: editor).body)
            #expect(preview.contains("Published:") && preview.contains("&quot;ClaimReview&quot;"))
            // An article that cannot be read fails in the server's own runner (taking the job
            // here instead would race that runner).
            let failed = try await ServerReviewTests.analysed(
                client, auth: analyst, article: "{", contentType: "application/json", query: "?name=Broken%20story")
            let state = try ServerAPITests.json(try await client.execute(uri: "/api/v1/jobs/\(failed)", method: .get, headers: analyst).body)
            #expect(state["state"] as? String == "failed")

            let queue = String(buffer: try await client.execute(uri: "/", method: .get, headers: analyst).body)
            func lane(_ id: String) throws -> String {
                let start = try #require(queue.range(of: #"id="lane-\#(id)""#))
                let end = queue.range(of: "</section>", range: start.upperBound..<queue.endIndex)?.lowerBound ?? queue.endIndex
                return String(queue[start.upperBound..<end])
            }
            #expect(try lane("new").contains("Fresh story") && !lane("new").contains("Reviewed story"))
            #expect(try lane("inReview").contains("Reviewed story"))
            #expect(try lane("published").contains("Published story"))
            #expect(try lane("failed").contains("Broken story") && lane("failed").contains("not valid JSON"))
            _ = fresh
        }
    }

    @Test func untrustedArticleAndCommentTextRendersInert() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let hostile = """
            <html><head><title>Fares <script>alert(1)</script></title><link rel="canonical" href="javascript:alert(2)"></head>
            <body><article><h1 onmouseover="alert(3)">Ferry fares rise &lt;script&gt;alert(4)&lt;/script&gt; 5 percent</h1>
            <p>Ferry fares will rise by 5 percent in April, the operator said <a href="javascript:alert(5)">on Monday</a>.</p>
            <p><img src="x" onerror="alert(6)">The council approved the plan by 6 votes to 3 "<b onclick=alert(7)>today</b>".</p></article>
            <section class="comments"><div class="comment" id="comment-1"><span class="author">&lt;img src=x onerror=alert(8)&gt;</span>
            <p>Nice &lt;script&gt;alert(9)&lt;/script&gt; <a href="javascript:alert(10)">link</a></p></div></section>
            </body></html>
            """
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await ServerReviewTests.analysed(client, auth: analyst, article: hostile, query: "")
            for path in ["/articles/\(id)", "/articles/\(id)/comments", "/"] {
                let response = try await client.execute(uri: path, method: .get, headers: analyst)
                let page = String(buffer: response.body)
                #expect(response.status == .ok, "\(path)")
                #expect(!page.lowercased().contains("<script"), "\(path)")
                #expect(!page.lowercased().contains("javascript:alert"), "\(path)")
                #expect(page.range(of: #"<[^>]*\son[a-z]+="#, options: .regularExpression) == nil, "\(path)")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            }
            let article = String(buffer: try await client.execute(uri: "/articles/\(id)", method: .get, headers: analyst).body)
            #expect(article.contains("&lt;script&gt;alert(4)&lt;/script&gt;"))
            let comments = String(buffer: try await client.execute(uri: "/articles/\(id)/comments", method: .get, headers: analyst).body)
            #expect(comments.contains("&lt;img src=x onerror=alert(8)&gt;"))
        }
    }

    @Test func theStylesheetAndErrorsAreServedAsPages() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            let css = try await client.execute(uri: "/static/workbench.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            let missing = try await client.execute(uri: "/articles/no-such-job", method: .get, headers: analyst)
            #expect(missing.status == .notFound && missing.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: missing.body).contains("No such job"))
            // The API keeps answering problem+json.
            let api = try await client.execute(uri: "/api/v1/jobs/no-such-job", method: .get, headers: analyst)
            #expect(api.headers[.contentType] == "application/problem+json")
            let sources = try await client.execute(uri: "/sources", method: .get, headers: analyst)
            #expect(sources.status == .ok && String(buffer: sources.body).contains("crosscheck sources add"))
        }
    }
}
