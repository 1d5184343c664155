import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every route, in its answers that succeed and those that fail, answers as docs/openapi.json says.
@Suite("The API against its OpenAPI document")
struct OpenAPITests {
    @Test func everyRouteAnswersAsTheDocumentSays() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let editor = try await ServerAPITests.token(store, "ed", role: .editor)
        let viewer = try await ServerAPITests.token(store, "vic", role: .viewer)
        let checked = try await ServerAPITests.application(store).test(.router) { client -> Int in
            var checked = 0
            func check(
                _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields = [:], _ body: String? = nil, expect status: HTTPResponse.Status
            ) async throws -> ByteBuffer {
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                #expect(response.status == status, "\(method) \(uri)")
                let problems = OpenAPIContract.shared.problems(
                    method: method.rawValue, path: uri, status: Int(response.status.code), contentType: response.headers[.contentType],
                    body: Data(response.body.readableBytesView))
                #expect(problems.isEmpty, "\(method) \(uri): \(problems)")
                checked += 1
                return response.body
            }
            _ = try await check(.get, "/health", expect: .ok)
            _ = try await check(.post, "/api/v1/articles", expect: .unauthorized)
            _ = try await check(.post, "/api/v1/articles", viewer, "text", expect: .forbidden)
            _ = try await check(.post, "/api/v1/articles", analyst, expect: .badRequest)
            let id = try await ServerReviewTests.analysed(client, auth: analyst)
            _ = try await check(.get, "/api/v1/jobs", viewer, expect: .ok)
            _ = try await check(.get, "/api/v1/jobs?state=later", viewer, expect: .badRequest)
            _ = try await check(.get, "/api/v1/jobs/\(id)", viewer, expect: .ok)
            _ = try await check(.get, "/api/v1/jobs/missing", viewer, expect: .notFound)
            _ = try await check(.get, "/api/v1/jobs/\(id)/report", viewer, expect: .ok)
            _ = try await check(.get, "/api/v1/jobs/\(id)/claims/0/claimreview", viewer, expect: .conflict)
            _ = try await check(
                .post, "/api/v1/jobs/\(id)/reviews", analyst, #"{"target": "claim:0:verdict", "action": "override", "value": "mixed", "note": "n"}"#,
                expect: .created)
            _ = try await check(.post, "/api/v1/jobs/\(id)/reviews", analyst, #"{"target": "claim:0:verdict"}"#, expect: .badRequest)
            _ = try await check(.get, "/api/v1/jobs/\(id)/reviews", viewer, expect: .ok)
            _ = try await check(.get, "/api/v1/jobs/\(id)/claims/0/claimreview", viewer, expect: .ok)
            _ = try await check(.post, "/api/v1/jobs/\(id)/claims/0/publish", analyst, expect: .forbidden)
            _ = try await check(.post, "/api/v1/jobs/\(id)/claims/0/publish", editor, expect: .created)
            _ = try await check(.post, "/api/v1/jobs/\(id)/claims/99/publish", editor, expect: .notFound)
            _ = try await check(.get, "/api/v1/audit", viewer, expect: .ok)
            _ = try await check(.get, "/api/v1/audit?format=jsonl", viewer, expect: .ok)
            _ = try await check(
                .post, "/api/v1/sessions", [.contentType: "application/json"], #"{"name": "ana", "password": "no"}"#, expect: .unauthorized)
            _ = try await check(.post, "/api/v1/sessions", [.contentType: "application/json"], "{}", expect: .badRequest)

            // The reader's side and the comment hook (off: no secret is set).
            let story = "url=" + PageQuery.escape("https://ferry.example/fares")
            _ = try await check(.get, "/public/v1/findings?\(story)", expect: .ok)
            _ = try await check(.get, "/public/v1/findings?url=nothing", expect: .badRequest)
            _ = try await check(
                .post, "/public/v1/verify", [.contentType: "application/json"], #"{"url": "https://ferry.example/x"}"#, expect: .forbidden)
            _ = try await check(.get, "/public/v1/listen?url=https%3A%2F%2Fferry.example%2Fnever", expect: .notFound)
            _ = try await check(.post, "/hooks/coral", [.contentType: "application/json"], "{}", expect: .serviceUnavailable)
            _ = try await check(.post, "/hooks/comments", [.contentType: "application/json"], "{}", expect: .serviceUnavailable)
            _ = try await check(.post, "/api/v1/hooks/comments/c1", [.contentType: "application/json"], "{}", expect: .unauthorized)

            let admin = try await ServerAPITests.token(store, "root", role: .admin)
            _ = try await check(.get, "/api/v1/users", editor, expect: .forbidden)
            _ = try await check(.get, "/api/v1/users", admin, expect: .ok)
            _ = try await check(.post, "/api/v1/users", admin, #"{"name": "newbie", "role": "analyst"}"#, expect: .created)
            _ = try await check(.post, "/api/v1/users", admin, #"{"name": "newbie", "role": "owner"}"#, expect: .badRequest)
            let issued = try await check(.post, "/api/v1/users/newbie/tokens", admin, #"{"role": "viewer"}"#, expect: .created)
            let tokenID = try #require(try ServerAPITests.json(issued)["id"] as? String)
            _ = try await check(.post, "/api/v1/users/nobody/tokens", admin, expect: .notFound)
            _ = try await check(.delete, "/api/v1/tokens/\(tokenID)", admin, expect: .noContent)
            _ = try await check(.delete, "/api/v1/tokens/\(tokenID)", admin, expect: .notFound)
            _ = try await check(.delete, "/api/v1/users/newbie", admin, expect: .noContent)
            _ = try await check(.delete, "/api/v1/users/newbie", admin, expect: .notFound)
            _ = try await check(.post, "/api/v1/sources", editor, #"{"url": "https://ferry.example/feed.xml", "every": "1h"}"#, expect: .created)
            _ = try await check(.post, "/api/v1/sources", editor, #"{"url": "ftp://ferry.example/"}"#, expect: .badRequest)
            _ = try await check(.post, "/api/v1/sources", analyst, #"{"url": "https://ferry.example/feed.xml"}"#, expect: .forbidden)
            _ = try await check(.get, "/api/v1/sources", viewer, expect: .ok)
            _ = try await check(.delete, "/api/v1/sources/ferry.example", editor, expect: .noContent)
            _ = try await check(.delete, "/api/v1/sources/ferry.example", editor, expect: .notFound)
            let claimReview =
                #"{"@type": "ClaimReview", "url": "https://checks.example/1", "claimReviewed": "Fares doubled.", "reviewRating": {"alternateName": "False"}}"#
            _ = try await check(.post, "/api/v1/factchecks", editor, claimReview, expect: .created)
            _ = try await check(.post, "/api/v1/factchecks", editor, #"{"nothing": 1}"#, expect: .unprocessableContent)
            let listed = try await check(.get, "/api/v1/factchecks?limit=5", viewer, expect: .ok)
            let stored = try #require(try JSONSerialization.jsonObject(with: Data(listed.readableBytesView)) as? [[String: Any]])
            let factCheckID = try #require(stored.first { $0["claim"] as? String == "Fares doubled." }?["id"] as? String)
            _ = try await check(.delete, "/api/v1/factchecks/\(PageQuery.escape(factCheckID))", editor, expect: .noContent)
            _ = try await check(.delete, "/api/v1/factchecks/missing", editor, expect: .notFound)
            return checked
        }
        #expect(checked == 49)
    }

    /// A path segment percent-encoded.
    enum PageQuery {
        static func escape(_ value: String) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
        }
    }

    /// The check itself fails on drift: a missing field, an unlisted status, a wrong type or enum.
    @Test func theCheckCatchesAResponseThatDrifts() {
        let contract = OpenAPIContract.shared
        let json = "application/json"
        #expect(
            contract.problems(method: "GET", path: "/health", status: 200, contentType: json, body: Data(#"{"status": "ok"}"#.utf8))
                .contains("body.version is missing"))
        #expect(contract.problems(method: "GET", path: "/health", status: 418, contentType: json, body: Data()).first?.contains("418") == true)
        #expect(
            !contract.problems(
                method: "GET", path: "/api/v1/jobs/x", status: 200, contentType: json,
                body: Data(
                    #"{"id": "x", "state": "paused", "name": "n", "submitted": "s", "attempts": true, "links": {"job": "j", "report": "r"}}"#.utf8)
            ).isEmpty)
        #expect(
            contract.problems(method: "DELETE", path: "/api/v1/jobs/x", status: 200, contentType: json, body: Data()).first?.contains("not in")
                == true)
    }
}

/// A path segment percent-encoded.
enum PageQuery {
    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
