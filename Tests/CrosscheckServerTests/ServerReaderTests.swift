import CrosscheckKit
import CrosscheckSQLite
import CrosscheckServer
import CrosscheckTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The reader's side: what a news page's Fact Checker box may read, who may call it, and listening.
@Suite("Reader's side")
struct ServerReaderTests {
    static let story = "https://ferry.example/fares"
    static let query = "url=" + PageQuery.escape(story)

    static func application(
        _ store: SQLiteEvidenceStore, reader: ReaderSettings = ReaderSettings(origins: ["https://ferry.example"])
    ) -> some ApplicationProtocol {
        var reader = reader
        reader.audioDirectory =
            reader.audioDirectory ?? ScratchFolder.root.appendingPathComponent("crosscheck-audio-\(UUID().uuidString)")
        return CrosscheckServer.application(
            store: store, engine: ServerAPITests.engine, configuration: ServerConfiguration(reader: reader),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// An analysed story with claim 0 reviewed and published, claim 1 reviewed but not published.
    static func publishedStory(_ client: some TestClientProtocol, _ store: SQLiteEvidenceStore) async throws -> String {
        let analyst = try await ServerAPITests.token(store, "ana-analyst", role: .analyst)
        let editor = try await ServerAPITests.token(store, "ed-editor", role: .editor)
        let id = try await ServerReviewTests.analysed(client, auth: analyst)
        for (claim, value, note) in [(0, "refuted", "SECRET-NOTE-zero"), (1, "supported", "SECRET-NOTE-one")] {
            let recorded = try await client.execute(
                uri: "/api/v1/jobs/\(id)/reviews", method: .post, headers: analyst,
                body: ByteBuffer(string: #"{"target": "claim:\#(claim):verdict", "action": "override", "value": "\#(value)", "note": "\#(note)"}"#))
            #expect(recorded.status == .created)
        }
        let published = try await client.execute(uri: "/api/v1/jobs/\(id)/claims/0/publish", method: .post, headers: editor)
        #expect(published.status == .created)
        return id
    }

    @Test func readersSeeOnlyPublishedFindingsAndNothingPrivate() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store).test(.router) { client in
            let id = try await Self.publishedStory(client, store)
            let answer = try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get)
            #expect(answer.status == .ok)
            let text = String(buffer: answer.body)
            let findings = try ServerAPITests.json(answer.body)
            #expect(findings["state"] as? String == "done")
            let checks = try #require(findings["checks"] as? [[String: Any]])
            #expect(checks.count == 1, "only the published claim")
            #expect(checks.first?["rating"] as? String == "False")
            #expect(checks.first?["verdict"] as? String == "refuted")
            // Field by field: only these fields, and none carries a note, a name or the unpublished verdict.
            #expect(Set(findings.keys) == ["url", "state", "title", "as_of", "checks", "listen", "publisher"])
            #expect(Set(checks[0].keys).isSubset(of: ["claim", "rating", "verdict", "reason", "sources", "published", "review_url"]))
            for secret in ["SECRET-NOTE", "ana-analyst", "ed-editor", "supported", "reviewer", "note"] {
                #expect(!text.contains(secret), "the public findings leak \(secret)")
            }
            #expect(findings["automated"] == nil, "automated findings are off unless the newsroom turns them on")

            // An unchanged answer is not sent again.
            let tag = try #require(answer.headers[.eTag])
            let again = try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)

            // A withdrawn fact-check leaves the box.
            let admin = try await ServerAPITests.token(store, "root", role: .admin)
            let removed = try await client.execute(uri: "/api/v1/factchecks/crosscheck:\(id):0", method: .delete, headers: admin)
            #expect(removed.status == .noContent || removed.status == .ok)
            let after = try ServerAPITests.json(try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get).body)
            #expect((after["checks"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func automatedFindingsAreShownOnlyWhenAllowedAndLabelled() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store, reader: ReaderSettings(showAutomated: true)).test(.router) { client in
            _ = try await Self.publishedStory(client, store)
            let findings = try ServerAPITests.json(try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get).body)
            let automated = try #require(findings["automated"] as? [[String: Any]])
            #expect(!automated.isEmpty)
            #expect(automated.allSatisfy { ($0["label"] as? String)?.contains("not reviewed") == true })
            let published = (findings["checks"] as? [[String: Any]])?.compactMap { $0["claim"] as? String } ?? []
            #expect(automated.allSatisfy { !published.contains($0["claim"] as? String ?? "") }, "a published claim is not repeated as automated")
            #expect(!String(buffer: try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get).body).contains("SECRET-NOTE"))
        }
    }

    @Test func unknownStoriesAndBadAddresses() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store).test(.router) { client in
            let unknown = try ServerAPITests.json(
                try await client.execute(uri: "/public/v1/findings?url=https%3A%2F%2Fferry.example%2Fnever", method: .get).body)
            #expect(unknown["state"] as? String == "unknown")
            #expect((unknown["checks"] as? [Any])?.isEmpty == true)
            #expect(try await client.execute(uri: "/public/v1/findings?url=ftp%3A%2F%2Fx", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/public/v1/findings", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/public/v1/listen?url=https%3A%2F%2Fferry.example%2Fnever", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/public/v1/listen?what=song&\(Self.query)", method: .get).status == .badRequest)
        }
    }

    @Test func corsIsLimitedToTheConfiguredSites() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store).test(.router) { client in
            let allowed: HTTPFields = [.origin: "https://ferry.example"]
            let other: HTTPFields = [.origin: "https://evil.example"]
            let preflight = try await client.execute(
                uri: "/public/v1/verify", method: .options, headers: allowed + [.accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://ferry.example")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(try await client.execute(uri: "/public/v1/verify", method: .options, headers: other).status == .forbidden)
            let read = try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get, headers: allowed)
            #expect(read.headers[.accessControlAllowOrigin] == "https://ferry.example")
            #expect(read.headers[.vary] == "Origin")
            let foreign = try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get, headers: other)
            #expect(foreign.headers[.accessControlAllowOrigin] == nil, "another site's pages cannot read the answer")
            let body = ByteBuffer(string: #"{"url": "https://ferry.example/new-story"}"#)
            #expect(try await client.execute(uri: "/public/v1/verify", method: .post, headers: other, body: body).status == .forbidden)
        }
    }

    @Test func verifyQueuesAStoryOfAConfiguredSiteOnce() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store).test(.router) { client in
            let allowed: HTTPFields = [.origin: "https://ferry.example", .contentType: "application/json"]
            let elsewhere = try await client.execute(
                uri: "/public/v1/verify", method: .post, headers: allowed, body: ByteBuffer(string: #"{"url": "https://elsewhere.example/x"}"#))
            #expect(elsewhere.status == .forbidden)
            let body = ByteBuffer(string: #"{"url": "https://ferry.example/new-story?utm_source=x#top"}"#)
            let first = try await client.execute(uri: "/public/v1/verify", method: .post, headers: allowed, body: body)
            #expect(first.status == .accepted)
            let state = try ServerAPITests.json(first.body)["state"] as? String
            #expect(["queued", "analysing", "failed"].contains(state ?? ""))
            _ = try await client.execute(uri: "/public/v1/verify", method: .post, headers: allowed, body: body)
            #expect(try await store.jobs(url: "https://ferry.example/new-story", limit: 10).count == 1, "asking twice queues it once")
            #expect(
                try await client.execute(uri: "/public/v1/verify", method: .post, headers: allowed, body: ByteBuffer(string: "{")).status
                    == .badRequest)
        }
    }

    @Test func eachAddressHasItsShareOfRequests() async throws {
        let store = try ServerAPITests.store()
        // One a minute: a burst of one, then a token a minute, so a slow machine cannot refill it mid-test.
        try await Self.application(store, reader: ReaderSettings(requestsPerMinute: 1)).test(.router) { client in
            #expect(try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get).status == .ok)
            let limited = try await client.execute(uri: "/public/v1/findings?\(Self.query)", method: .get)
            #expect(limited.status == .tooManyRequests)
            #expect((Int(limited.headers[.retryAfter] ?? "") ?? 0) >= 1)
            // The widget's own script is not counted.
            #expect(try await client.execute(uri: "/widget.js", method: .get).status == .ok)
        }
    }

    @Test func theWidgetIsSmallAndCacheable() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store).test(.router) { client in
            let script = try await client.execute(uri: "/widget.js", method: .get)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.body.readableBytes < 8_000, "a few KB")
            let text = String(buffer: script.body)
            #expect(!text.contains("http://") && !text.contains("https://"), "no third-party requests: only this server's origin")
            #expect(!text.contains("autoplay"), "nothing plays unasked")
            let tag = try #require(script.headers[.eTag])
            #expect(try await client.execute(uri: "/widget.js", method: .get, headers: [.ifNoneMatch: tag]).status == .notModified)
            #expect(try await client.execute(uri: "/widget.css", method: .get).status == .ok)
        }
    }

    @Test(.enabled(if: SpeechSynthesizer.available, "needs espeak-ng and libopusenc0"))
    func theArticleAndItsFindingsAreReadAloud() async throws {
        let store = try ServerAPITests.store()
        try await Self.application(store).test(.router) { client in
            let id = try await Self.publishedStory(client, store)
            let article = try await client.execute(uri: "/public/v1/listen?what=article&\(Self.query)", method: .get)
            #expect(article.status == .ok)
            #expect(article.headers[.contentType] == "audio/ogg")
            #expect(String(buffer: article.body).hasPrefix("OggS"))
            let range = try await client.execute(uri: "/public/v1/listen?what=article&\(Self.query)", method: .get, headers: [.range: "bytes=0-99"])
            #expect(range.status == .partialContent)
            #expect(range.body.readableBytes == 100)
            let findings = try await client.execute(uri: "/public/v1/listen?what=findings&\(Self.query)", method: .get)
            #expect(findings.status == .ok)
            let before = try #require(findings.headers[.eTag])
            // Publishing another verdict changes what is said, so the audio is made again.
            let editor = try await ServerAPITests.token(store, "ed2", role: .editor)
            #expect(try await client.execute(uri: "/api/v1/jobs/\(id)/claims/1/publish", method: .post, headers: editor).status == .created)
            let changed = try await client.execute(uri: "/public/v1/listen?what=findings&\(Self.query)", method: .get)
            #expect(changed.headers[.eTag] != before)
            #expect(changed.body.readableBytes > findings.body.readableBytes)
        }
    }
}
