import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Who may do what, and reviews with their audit trail.
@Suite("Server access and reviews")
struct ServerReviewTests {
    /// Submits the page as `auth` and waits until its job is done; returns the job id.
    static func analysed(
        _ client: some TestClientProtocol, auth: HTTPFields, article: String = ServerAPITests.page, contentType: String = "text/html",
        query: String = "?url=https://ferry.example/fares"
    ) async throws -> String {
        let submitted = try await client.execute(
            uri: "/api/v1/articles\(query)", method: .post, headers: auth + [.contentType: contentType], body: ByteBuffer(string: article))
        let id = try #require(try ServerAPITests.json(submitted.body)["id"] as? String)
        for _ in 0..<300 {
            let state = try ServerAPITests.json(try await client.execute(uri: "/api/v1/jobs/\(id)", method: .get, headers: auth).body)["state"]
            if state as? String == "done" || state as? String == "failed" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return id
    }

    @Test func mutatingRoutesRefuseAnonymousAndUnderPrivilegedCallers() async throws {
        let store = try ServerAPITests.store()
        let viewer = try await ServerAPITests.token(store, "vic", role: .viewer)
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await Self.analysed(client, auth: analyst)
            let review = ByteBuffer(string: #"{"target": "claim:0:verdict", "action": "confirm", "note": "checked"}"#)
            for (method, uri, body) in [
                (HTTPRequest.Method.post, "/api/v1/articles", ByteBuffer(string: "Some article text.")),
                (.post, "/api/v1/jobs/\(id)/reviews", review),
            ] {
                let anonymous = try await client.execute(uri: uri, method: method, body: body)
                #expect(anonymous.status == .unauthorized, "\(uri)")
                #expect(anonymous.headers[.contentType] == "application/problem+json")
                let underPrivileged = try await client.execute(uri: uri, method: method, headers: viewer, body: body)
                #expect(underPrivileged.status == .forbidden, "\(uri)")
            }
            for uri in ["/api/v1/jobs", "/api/v1/jobs/\(id)", "/api/v1/jobs/\(id)/report", "/api/v1/audit"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .unauthorized, "\(uri)")
                #expect(try await client.execute(uri: uri, method: .get, headers: viewer).status == .ok, "\(uri)")
            }
            let forged = try await client.execute(uri: "/api/v1/jobs", method: .get, headers: [.authorization: "Bearer cc_abc_forged"])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func aRevokedTokenNoLongerWorks() async throws {
        let store = try ServerAPITests.store()
        let auth = try await ServerAPITests.token(store, "ana", role: .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: auth).status == .ok)
            let id = try #require(try await store.tokens(of: "ana").first?.id)
            #expect(try await store.revokeToken(id: id))
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: auth).status == .unauthorized)
        }
    }

    @Test func anOverrideIsRecordedWithItsNoteAndShowsInTheAuditLog() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await Self.analysed(client, auth: analyst)
            let overridden = try await client.execute(
                uri: "/api/v1/jobs/\(id)/reviews", method: .post, headers: analyst,
                body: ByteBuffer(
                    string:
                        #"{"target": "claim:0:verdict", "action": "override", "value": "refuted", "note": "The operator's own tariff sheet shows 7 percent."}"#
                ))
            #expect(overridden.status == .created)
            let review = try ServerAPITests.json(overridden.body)
            #expect(review["after"] as? String == "refuted")
            #expect(review["before"] as? String == "not_enough_info")
            #expect(review["reviewer"] as? String == "ana")

            // A second review starts from the first one's value.
            let confirmed = try await client.execute(
                uri: "/api/v1/jobs/\(id)/reviews", method: .post, headers: analyst,
                body: ByteBuffer(string: #"{"target": "claim:0:verdict", "action": "confirm", "note": "Second look agrees."}"#))
            #expect(try ServerAPITests.json(confirmed.body)["before"] as? String == "refuted")

            let audit = try await client.execute(uri: "/api/v1/audit?subject=\(id)", method: .get, headers: analyst)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.body.readableBytesView)) as? [[String: Any]])
            #expect(entries.count == 2)
            #expect(entries[0]["action"] as? String == "review.override")
            #expect(entries[0]["actor"] as? String == "ana")
            #expect(entries[0]["detail"] as? String == "claim:0:verdict")
            #expect(entries[0]["note"] as? String == "The operator's own tariff sheet shows 7 percent.")
            let lines = try await client.execute(uri: "/api/v1/audit?actor=ana&format=jsonl", method: .get, headers: analyst)
            #expect(lines.headers[.contentType] == "application/x-ndjson")
            #expect(String(buffer: lines.body).split(separator: "\n").count == 2)
        }
    }

    @Test func reviewsNeedANoteATargetThatExistsAndAnAllowedValue() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await Self.analysed(client, auth: analyst)
            for (body, status) in [
                (#"{"target": "claim:0:verdict", "action": "confirm", "note": "  "}"#, HTTPResponse.Status.badRequest),
                (#"{"target": "claim:0:verdict", "action": "override", "value": "pants-on-fire", "note": "x"}"#, .badRequest),
                (#"{"target": "claim:99:verdict", "action": "confirm", "note": "x"}"#, .notFound),
                (#"{"target": "headline", "action": "confirm", "note": "x"}"#, .badRequest),
            ] {
                let answer = try await client.execute(
                    uri: "/api/v1/jobs/\(id)/reviews", method: .post, headers: analyst, body: ByteBuffer(string: body))
                #expect(answer.status == status, "\(body)")
            }
            #expect(try await store.auditLog(subject: id, actor: nil, limit: 10).isEmpty)
        }
    }
}

@Suite("Server ClaimReview publishing")
struct ServerClaimReviewTests {
    @Test func anEditorPublishesAReviewedClaimAndItJoinsTheFactCheckDatabase() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let editor = try await ServerAPITests.token(store, "ed", role: .editor)
        try await ServerAPITests.application(store).test(.router) { client in
            let id = try await ServerReviewTests.analysed(client, auth: analyst)
            // Not enough info cannot be published, and nothing unreviewed is.
            let unreviewed = try await client.execute(uri: "/api/v1/jobs/\(id)/claims/0/publish", method: .post, headers: editor)
            #expect(unreviewed.status == .conflict)
            _ = try await client.execute(
                uri: "/api/v1/jobs/\(id)/reviews", method: .post, headers: analyst,
                body: ByteBuffer(string: #"{"target": "claim:0:verdict", "action": "override", "value": "refuted", "note": "tariff sheet says 7%"}"#))
            let preview = try await client.execute(uri: "/api/v1/jobs/\(id)/claims/0/claimreview", method: .get, headers: analyst)
            #expect(preview.status == .ok)
            let previewed = try ServerAPITests.json(preview.body)
            #expect(previewed["reviewed"] as? Bool == true)
            #expect(((previewed["markup"] as? [String: Any])?["reviewRating"] as? [String: Any])?["alternateName"] as? String == "False")
            let byAnalyst = try await client.execute(uri: "/api/v1/jobs/\(id)/claims/0/publish", method: .post, headers: analyst)
            #expect(byAnalyst.status == .forbidden)
            let published = try await client.execute(uri: "/api/v1/jobs/\(id)/claims/0/publish", method: .post, headers: editor)
            #expect(published.status == .created)
            #expect((try ServerAPITests.json(published.body)["html"] as? String)?.contains("application/ld+json") == true)
            let checks = try await store.factChecks()
            #expect(checks.contains { $0.id == "crosscheck:\(id):0" && $0.rating == "False" })
            let audit = try await store.auditLog(subject: id, actor: "ed", limit: 10)
            #expect(audit.map(\.action) == ["claimreview.publish"])

            // The next article repeating the claim is matched to the newsroom's own verdict.
            let again = try await ServerReviewTests.analysed(client, auth: analyst)
            let report = try ServerAPITests.json(try await client.execute(uri: "/api/v1/jobs/\(again)/report", method: .get, headers: analyst).body)
            let claims = report["claims"] as? [[String: Any]] ?? []
            let matches = claims.flatMap { ($0["factcheck_matches"] as? [[String: Any]]) ?? [] }
            #expect(matches.contains { $0["id"] as? String == "crosscheck:\(id):0" })
        }
    }
}
