import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Signing in with a password: the session cookie, CSRF tokens on changes, and lockout.
@Suite("Server sessions")
struct ServerSessionTests {
    static let password = "a long enough passphrase"

    static func signIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"name": "\#(name)", "password": "\#(password)"}"#))
    }

    @Test func aSignedInSessionReadsAndChangesOnlyWithItsCSRFToken() async throws {
        let store = try ServerAPITests.store()
        try await store.add(Person(name: "ana", role: .analyst, added: "2026-12-02T00:00:00Z", passwordHash: try PasswordHash.make(Self.password)))
        try await ServerAPITests.application(store).test(.router) { client in
            let signedIn = try await Self.signIn(client, "ana", Self.password)
            #expect(signedIn.status == .created)
            let setCookie = try #require(signedIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let session = String(setCookie.split(separator: ";")[0])
            let csrf = try #require(try ServerAPITests.json(signedIn.body)["csrf_token"] as? String)
            let cookie: HTTPFields = [.cookie: session]

            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: cookie).status == .ok)
            let withoutToken = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: cookie, body: ByteBuffer(string: "Ferry fares rise 5 percent in April."))
            #expect(withoutToken.status == .forbidden)
            #expect((try ServerAPITests.json(withoutToken.body)["detail"] as? String)?.contains("X-CSRF-Token") == true)
            let wrongToken = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: cookie + [HTTPField.Name("X-CSRF-Token")!: "guess"],
                body: ByteBuffer(string: "Ferry fares rise 5 percent in April."))
            #expect(wrongToken.status == .forbidden)
            let withToken = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: cookie + [HTTPField.Name("X-CSRF-Token")!: csrf],
                body: ByteBuffer(string: "Ferry fares rise 5 percent in April."))
            #expect(withToken.status == .accepted)

            let signedOut = try await client.execute(
                uri: "/api/v1/sessions", method: .delete, headers: cookie + [HTTPField.Name("X-CSRF-Token")!: csrf])
            #expect(signedOut.status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get, headers: cookie).status == .unauthorized)
        }
    }

    @Test func repeatedFailuresLockTheNameEvenForTheRightPassword() async throws {
        let store = try ServerAPITests.store()
        try await store.add(Person(name: "ana", role: .analyst, added: "2026-12-02T00:00:00Z", passwordHash: try PasswordHash.make(Self.password)))
        try await store.add(Person(name: "bo", role: .viewer, added: "2026-12-02T00:00:00Z"))
        try await ServerAPITests.application(store).test(.router) { client in
            // An unknown name and a person without a password get the same answer as a wrong password.
            let unknown = try await Self.signIn(client, "nobody", "whatever")
            let noPassword = try await Self.signIn(client, "bo", "whatever")
            #expect(unknown.status == .unauthorized && noPassword.status == .unauthorized)
            #expect(
                String(buffer: unknown.body).replacingOccurrences(of: "nobody", with: "")
                    == String(buffer: noPassword.body).replacingOccurrences(of: "bo", with: "").replacingOccurrences(of: "nobody", with: ""))
            for _ in 0..<5 { #expect(try await Self.signIn(client, "ana", "wrong password").status == .unauthorized) }
            let locked = try await Self.signIn(client, "ana", Self.password)
            #expect(locked.status == .tooManyRequests)
            #expect((try ServerAPITests.json(locked.body)["detail"] as? String)?.contains("locked") == true)
        }
    }
}
