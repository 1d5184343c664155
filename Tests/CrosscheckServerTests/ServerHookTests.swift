import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The comment hook as comment platforms call it: Coral's external moderation phase, signed, and
/// the plain JSON endpoint; decisions and overrides in the audit log.
@Suite("Comment hook")
struct ServerHookTests {
    static let secret = "a-shared-secret-of-some-length"

    /// A request as Coral sends it (`phases/external.ts`, pretty-printed with two spaces).
    static func coralRequest(_ body: String, role: String = "COMMENTER", author: String = "user-1") -> String {
        """
        {
          "action": "NEW",
          "comment": {
            "body": \(String(data: try! JSONEncoder().encode(body), encoding: .utf8)!),
            "parentID": null
          },
          "author": {
            "id": "\(author)",
            "role": "\(role)"
          },
          "story": {
            "id": "story-1",
            "url": "\(ServerReaderTests.story)"
          },
          "site": {
            "id": "site-1"
          },
          "tenantID": "tenant-1",
          "tenantDomain": "ferry.example"
        }
        """
    }

    static func signed(_ body: String, header: String = "X-Coral-Signature", secret: String = secret) -> HTTPFields {
        [
            HTTPField.Name(header)!: "sha256=" + Digests.hmacSHA256Hex(Array(body.utf8), key: secret),
            .contentType: "application/json",
        ]
    }

    static let offTopic =
        "AI-based detection of linguistic patterns in misinformation is a fascinating research field; detection models need better training corpora."
    static let onTopic = "Will the 5 percent ferry fare rise in April also apply to the monthly passes the operator sells?"

    @Test func coralGetsAStatusAndFlagsInItsOwnShapes() async throws {
        let store = try ServerAPITests.store()
        let reader = ReaderSettings(hookSecret: Self.secret)
        try await ServerReaderTests.application(store, reader: reader).test(.router) { client in
            let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
            let job = try await ServerReviewTests.analysed(client, auth: analyst)

            let held = Self.coralRequest(Self.offTopic)
            let answer = try await client.execute(uri: "/hooks/coral", method: .post, headers: Self.signed(held), body: ByteBuffer(string: held))
            #expect(answer.status == .ok)
            let decision = try ServerAPITests.json(answer.body)
            #expect(decision["status"] as? String == "SYSTEM_WITHHELD")
            let actions = try #require(decision["actions"] as? [[String: Any]])
            #expect(actions.count == 1)
            #expect(actions.first?["actionType"] as? String == "FLAG")
            #expect(actions.first?["reason"] as? String == "COMMENT_DETECTED_SPAM")
            let ours = try #require(decision["crosscheck"] as? [String: Any])
            #expect((ours["flags"] as? [String])?.contains("off_topic") == true)
            #expect(!((ours["reasons"] as? [String]) ?? []).isEmpty)
            #expect(ours["job"] as? String == job)

            let fine = Self.coralRequest(Self.onTopic, author: "user-2")
            let approved = try ServerAPITests.json(
                try await client.execute(uri: "/hooks/coral", method: .post, headers: Self.signed(fine), body: ByteBuffer(string: fine)).body)
            #expect(approved["status"] == nil, "no status leaves the comment to Coral's other phases")
            #expect((approved["actions"] as? [Any])?.isEmpty == true)

            // Staff are not screened; Coral reads 204 as no opinion.
            let staff = Self.coralRequest(Self.offTopic, role: "MODERATOR")
            #expect(
                try await client.execute(uri: "/hooks/coral", method: .post, headers: Self.signed(staff), body: ByteBuffer(string: staff)).status
                    == .noContent)

            let audit = try await store.auditLog(subject: job, actor: "hook:coral", limit: 10)
            #expect(audit.map(\.action) == ["comment.screen", "comment.screen"])
            #expect(audit.map(\.after) == ["hold", "approve"])
        }
    }

    @Test func unsignedOrMissignedCallsAreRefusedAndAnUnsetSecretTurnsTheHookOff() async throws {
        let store = try ServerAPITests.store()
        let body = Self.coralRequest(Self.onTopic)
        let signature = HTTPField.Name("X-Coral-Signature")!
        var rotated = Self.signed(body)
        // While a secret is rotated Coral sends one signature per active secret.
        rotated[signature] = "sha256=" + String(repeating: "0", count: 64) + "," + (rotated[signature] ?? "")
        let notCoral = "{\"hello\": 1}"
        let cases: [(HTTPFields, String, HTTPResponse.Status)] = [
            ([:], body, .unauthorized),
            (Self.signed(body, secret: "another-secret-entirely"), body, .unauthorized),
            (rotated, body, .ok),
            (Self.signed(body), body.replacingOccurrences(of: "monthly", with: "weekly"), .unauthorized),
            (Self.signed(notCoral), notCoral, .badRequest),
        ]
        let statuses = try await ServerReaderTests.application(store, reader: ReaderSettings(hookSecret: Self.secret)).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for (headers, sent, _) in cases {
                statuses.append(try await client.execute(uri: "/hooks/coral", method: .post, headers: headers, body: ByteBuffer(string: sent)).status)
            }
            return statuses
        }
        #expect(statuses == cases.map(\.2))
        let off = try await ServerReaderTests.application(store, reader: ReaderSettings()).test(.router) { client in
            try await client.execute(uri: "/hooks/coral", method: .post, headers: Self.signed(body), body: ByteBuffer(string: body)).status
        }
        #expect(off == .serviceUnavailable)
    }

    @Test func thePlainEndpointScreensAgainstTheThreadSoFarAndModeratorsOverride() async throws {
        let store = try ServerAPITests.store()
        try await ServerReaderTests.application(store, reader: ReaderSettings(hookSecret: Self.secret)).test(.router) { client in
            let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
            _ = try await ServerReviewTests.analysed(client, auth: analyst)
            func post(_ text: String, author: String, id: String) async throws -> [String: Any] {
                let body = String(
                    data: try JSONSerialization.data(withJSONObject: ["id": id, "text": text, "author": author, "story_url": ServerReaderTests.story]
                    ),
                    encoding: .utf8)!
                let answer = try await client.execute(
                    uri: "/hooks/comments", method: .post, headers: Self.signed(body, header: "X-Crosscheck-Signature"),
                    body: ByteBuffer(string: body))
                #expect(answer.status == .ok)
                return try ServerAPITests.json(answer.body)
            }
            let first = try await post(Self.onTopic, author: "rita", id: "c1")
            #expect(first["decision"] as? String == "approve")
            #expect(first["id"] as? String == "c1")
            // The same template posted by three accounts is caught once the thread holds the others.
            _ = try await post("This is a development worth watching closely. It raises the stakes for everyone involved.", author: "acct1", id: "c2")
            _ = try await post("This is a situation worth monitoring closely. It raises the stakes for everyone involved.", author: "acct2", id: "c3")
            let third = try await post(
                "This is a story worth following closely. It raises the stakes for everyone involved.", author: "acct3", id: "c4")
            #expect(third["decision"] as? String == "hold")
            #expect(((third["flags"] as? [String]) ?? []).contains { $0 == "template" || $0 == "generic" || $0 == "coordinated" })

            let override = try await client.execute(
                uri: "/api/v1/hooks/comments/c4", method: .post, headers: analyst + [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"decision": "approve", "note": "a regular reader", "story_url": "\#(ServerReaderTests.story)"}"#))
            #expect(override.status == .ok)
            let entries = try await store.auditLog(subject: nil, actor: "ana", limit: 10)
            #expect(entries.contains { $0.action == "comment.override" && $0.detail == "comment:c4" && $0.after == "approve" })
            #expect(try await client.execute(uri: "/api/v1/hooks/comments/c4", method: .post, body: ByteBuffer(string: "{}")).status == .unauthorized)
        }
    }
}
