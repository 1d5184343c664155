import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// People, tokens, sources and fact-checks managed through the API, each change in the audit log.
@Suite("Server administration")
struct ServerAdminTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func anAdminAddsAPersonIssuesATokenAndRevokesIt() async throws {
        let store = try ServerAPITests.store()
        let admin = try await ServerAPITests.token(store, "root", role: .admin)
        let editor = try await ServerAPITests.token(store, "ed", role: .editor)
        try await ServerAPITests.application(store).test(.router) { client in
            let routes: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/users", nil), (.post, "/api/v1/users", #"{"name": "x", "role": "viewer"}"#),
                (.delete, "/api/v1/users/ed", nil), (.post, "/api/v1/users/ed/tokens", nil), (.delete, "/api/v1/tokens/abc", nil),
            ]
            for (method, path, body) in routes {
                let bodyBuffer = body.map { ByteBuffer(string: $0) }
                #expect(try await client.execute(uri: path, method: method, headers: Self.json, body: bodyBuffer).status == .unauthorized)
                #expect(try await client.execute(uri: path, method: method, headers: Self.json + editor, body: bodyBuffer).status == .forbidden)
            }
            let added = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: Self.json + admin,
                body: ByteBuffer(string: #"{"name": "ana", "role": "analyst", "password": "\#(ServerSessionTests.password)"}"#))
            #expect(added.status == .created)
            #expect(try ServerAPITests.json(added.body)["has_password"] as? Bool == true)
            #expect(try await ServerSessionTests.signIn(client, "ana", ServerSessionTests.password).status == .created)
            let taken = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: Self.json + admin, body: ByteBuffer(string: #"{"name": "ana", "role": "viewer"}"#))
            #expect(taken.status == .conflict && String(buffer: taken.body).contains("already someone called ana"))
            let short = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: Self.json + admin,
                body: ByteBuffer(string: #"{"name": "bo", "role": "viewer", "password": "short"}"#))
            #expect(short.status == .unprocessableContent && String(buffer: short.body).contains("shorter than 12"))
            let tooMuch = try await client.execute(
                uri: "/api/v1/users/ana/tokens", method: .post, headers: Self.json + admin, body: ByteBuffer(string: #"{"role": "editor"}"#))
            #expect(tooMuch.status == .unprocessableContent)

            let issued = try ServerAPITests.json(
                try await client.execute(uri: "/api/v1/users/ana/tokens", method: .post, headers: Self.json + admin).body)
            let token = try #require(issued["token"] as? String)
            let id = try #require(issued["id"] as? String)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: bearer).status == .ok)
            let listed = String(buffer: try await client.execute(uri: "/api/v1/users", method: .get, headers: admin).body)
            #expect(listed.contains(id) && !listed.contains(token))
            #expect(try await client.execute(uri: "/api/v1/tokens/\(id)", method: .delete, headers: admin).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: bearer).status == .unauthorized)

            let actions = try await store.auditLog(subject: nil, actor: "root", limit: 100).map(\.action)
            #expect(actions == ["person.add", "token.issue", "token.revoke"])
            // Removing a person ends their signed-in sessions too, not only their tokens.
            let signedIn = try await ServerSessionTests.signIn(client, "ana", ServerSessionTests.password)
            let cookie: HTTPFields = [.cookie: String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])]
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: cookie).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/users/ana", method: .delete, headers: admin).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: cookie).status == .unauthorized)
            #expect(try await ServerSessionTests.signIn(client, "ana", ServerSessionTests.password).status == .unauthorized)
        }
    }

    @Test func anEditorManagesSourcesAndFactChecks() async throws {
        let store = try ServerAPITests.store()
        let editor = try await ServerAPITests.token(store, "ed", role: .editor)
        try await ServerAPITests.application(store).test(.router) { client in
            let added = try await client.execute(
                uri: "/api/v1/sources", method: .post, headers: Self.json + editor,
                body: ByteBuffer(string: #"{"url": "https://ferry.example/news.xml", "kind": "feed", "every": "30m", "name": "Ferry news"}"#))
            #expect(added.status == .created)
            #expect(try await store.sources().map(\.name) == ["Ferry news"])
            #expect(try await store.sources().first?.every == 1800)
            let page = String(buffer: try await client.execute(uri: "/sources", method: .get, headers: editor).body)
            #expect(page.contains("Ferry news") && page.contains("every 30 min"))
            let badInterval = try await client.execute(
                uri: "/api/v1/sources", method: .post, headers: Self.json + editor,
                body: ByteBuffer(string: #"{"url": "https://ferry.example/news.xml", "every": "soon"}"#))
            #expect(badInterval.status == .badRequest && String(buffer: badInterval.body).contains("15m"))
            let huge = try await client.execute(
                uri: "/api/v1/sources", method: .post, headers: Self.json + editor,
                body: ByteBuffer(string: #"{"url": "https://ferry.example/news.xml", "every": "999999999999999999d"}"#))
            #expect(huge.status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/sources/Ferry%20news", method: .delete, headers: editor).status == .noContent)
            #expect(try await store.sources().isEmpty)

            let lines = """
                {"id": "fc-1", "claim": "Ferry fares doubled last year.", "rating": "False", "url": "https://checks.example/1"}
                {"id": "fc-2", "claim": "The bridge will close for good.", "rating": "Misleading"}
                """
            let imported = try await client.execute(
                uri: "/api/v1/factchecks", method: .post, headers: [.contentType: "application/x-ndjson"] + editor, body: ByteBuffer(string: lines))
            #expect(imported.status == .created)
            #expect(try ServerAPITests.json(imported.body)["added"] as? Int == 2)
            #expect(try await store.factChecks().map(\.id) == ["fc-1", "fc-2"])
            #expect(try await client.execute(uri: "/api/v1/factchecks/fc-1", method: .delete, headers: editor).status == .noContent)
            #expect(try await store.factChecks().map(\.id) == ["fc-2"])

            let actions = try await store.auditLog(subject: nil, actor: "ed", limit: 100).map(\.action)
            #expect(actions == ["source.add", "source.remove", "factchecks.import", "factcheck.remove"])
        }
    }
}
