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

/// The JSON API end to end over the in-process router: submit, follow the job, fetch the report.
@Suite("Server API")
struct ServerAPITests {
    static let engine = try! Engine(models: ModelDirectory.standard())

    static let page = """
        <html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise 5 percent in April</h1>
        <p>Ferry fares will rise by 5 percent in April, the operator said on Monday, the first rise since 2019.</p>
        <p>"We held prices for seven years," said Chief Executive Dana Holt. The city council approved the plan by 6 votes to 3.</p>
        </article></body></html>
        """

    static func store() throws -> SQLiteEvidenceStore {
        try SQLiteEvidenceStore(
            path: ScratchFolder.root.appendingPathComponent("crosscheck-server-\(UUID().uuidString).sqlite").path)
    }

    static func application(_ store: SQLiteEvidenceStore, maxInputBytes: Int = 1_000_000) -> some ApplicationProtocol {
        CrosscheckServer.application(
            store: store, engine: engine, configuration: ServerConfiguration(maxInputBytes: maxInputBytes),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// A person with `role` and a token for them, as `crosscheck users add` and `token` make.
    static func token(_ store: SQLiteEvidenceStore, _ name: String, role: Role) async throws -> HTTPFields {
        try await store.add(Person(name: name, role: role, added: "2026-12-02T00:00:00Z"))
        let made = TokenSecret.make()
        try await store.add(APIToken(id: made.id, person: name, role: role, created: "2026-12-02T00:00:00Z"), hash: TokenSecret.hash(made.token))
        return [.authorization: "Bearer \(made.token)"]
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    /// An address alone: the runner fetches the page (from a thread-served loopback page, as the
    /// in-process runner keeps the cooperative threads busy), and a page that cannot be fetched
    /// fails the job with the fetcher's reason.
    @Test func anAddressAloneIsFetchedByTheServer() async throws {
        let store = try Self.store()
        let auth = try await Self.token(store, "ana", role: .analyst)
        try await withStaticLoopbackServer(pages: ["/fares": StaticPage(body: Self.page)]) { base in
            try await Self.application(store).test(.router) { client in
                let fetched = try await ServerReviewTests.analysed(client, auth: auth, article: "", query: "?url=\(base)/fares")
                let report = try Self.json(try await client.execute(uri: "/api/v1/jobs/\(fetched)/report", method: .get, headers: auth).body)
                #expect((report["article"] as? [String: Any])?["title"] as? String == "Ferry fares rise 5 percent in April")
                let missing = try await ServerReviewTests.analysed(client, auth: auth, article: "", query: "?url=\(base)/gone")
                let job = try Self.json(try await client.execute(uri: "/api/v1/jobs/\(missing)", method: .get, headers: auth).body)
                #expect(job["state"] as? String == "failed")
                #expect((job["error"] as? String)?.contains("404") == true)
            }
        }
    }

    @Test func aSubmittedArticleIsAnalysedAndItsReportFetched() async throws {
        let store = try Self.store()
        let auth = try await Self.token(store, "ana", role: .analyst)
        try await Self.application(store).test(.router) { client in
            let submitted = try await client.execute(
                uri: "/api/v1/articles?url=https://ferry.example/fares", method: .post, headers: auth + [.contentType: "text/html"],
                body: ByteBuffer(string: Self.page))
            #expect(submitted.status == .accepted)
            let job = try Self.json(submitted.body)
            let id = try #require(job["id"] as? String)
            #expect(submitted.headers[.location] == "/api/v1/jobs/\(id)")
            #expect(job["state"] as? String == "queued")
            // The runner in the application's service group takes the job.
            var state = "queued"
            for _ in 0..<300 where state != "done" && state != "failed" {
                try await Task.sleep(for: .milliseconds(100))
                state = try Self.json(try await client.execute(uri: "/api/v1/jobs/\(id)", method: .get, headers: auth).body)["state"] as? String ?? ""
            }
            #expect(state == "done")
            let report = try await client.execute(uri: "/api/v1/jobs/\(id)/report", method: .get, headers: auth)
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "application/json")
            let body = try Self.json(report.body)
            let claims = try #require(body["claims"] as? [[String: Any]])
            #expect(claims.contains { ($0["text"] as? String)?.contains("5 percent") == true })
            let engineInfo = try #require(body["engine"] as? [String: Any])
            #expect((engineInfo["models"] as? [String: Any])?["checkworthiness"] != nil)
            let listed = try await client.execute(uri: "/api/v1/jobs?state=done", method: .get, headers: auth)
            #expect(String(buffer: listed.body).contains(id))
        }
    }

    @Test func badRequestsGetProblemDetailsThatSayWhatToDo() async throws {
        let store = try Self.store()
        let auth = try await Self.token(store, "ana", role: .analyst)
        try await Self.application(store, maxInputBytes: 1000).test(.router) { client in
            let empty = try await client.execute(uri: "/api/v1/articles", method: .post, headers: auth)
            #expect(empty.status == .badRequest)
            #expect(empty.headers[.contentType] == "application/problem+json")
            let problem = try Self.json(empty.body)
            #expect(problem["status"] as? Int == 400)
            #expect((problem["detail"] as? String)?.contains("send the article") == true)

            let large = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: auth, body: ByteBuffer(string: String(repeating: "word ", count: 1000)))
            #expect(large.status == .contentTooLarge)

            let address = try await client.execute(
                uri: "/api/v1/articles?url=ftp://x", method: .post, headers: auth, body: ByteBuffer(string: "Some text."))
            #expect(address.status == .badRequest)

            let missing = try await client.execute(uri: "/api/v1/jobs/no-such-job", method: .get, headers: auth)
            #expect(missing.status == .notFound)
            #expect((try Self.json(missing.body)["detail"] as? String)?.contains("GET /api/v1/jobs") == true)

            let state = try await client.execute(uri: "/api/v1/jobs?state=finished", method: .get, headers: auth)
            #expect(state.status == .badRequest)
        }
    }

    @Test func anUnreadableArticleFailsItsJobWithTheReason() async throws {
        let store = try Self.store()
        let auth = try await Self.token(store, "ana", role: .analyst)
        try await Self.application(store).test(.router) { client in
            let submitted = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: auth + [.contentType: "application/json"], body: ByteBuffer(string: "{\"title\": "))
            let id = try #require(try Self.json(submitted.body)["id"] as? String)
            var job: [String: Any] = [:]
            for _ in 0..<100 {
                try await Task.sleep(for: .milliseconds(100))
                job = try Self.json(try await client.execute(uri: "/api/v1/jobs/\(id)", method: .get, headers: auth).body)
                if job["state"] as? String == "failed" { break }
            }
            #expect(job["state"] as? String == "failed")
            #expect((job["error"] as? String)?.isEmpty == false)
            let report = try await client.execute(uri: "/api/v1/jobs/\(id)/report", method: .get, headers: auth)
            #expect(report.status == .conflict)
        }
    }

    @Test func healthSaysTheStoreAnswers() async throws {
        let store = try Self.store()
        try await Self.application(store).test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            // Every answer, errors included, forbids inline script, sniffing and framing.
            for response in [health, try await client.execute(uri: "/api/v1/jobs", method: .get)] {
                let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(policy.contains("default-src 'none'") && !policy.contains("unsafe-inline"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
            #expect(try Self.json(health.body)["status"] as? String == "ok")
        }
    }

    @Test func jobsInterruptedByARestartAreResumed() async throws {
        let store = try Self.store()
        // A job a previous process took and never finished.
        let job = try await store.enqueue(ArticleInput(data: Data(Self.page.utf8), name: "fares.html", contentType: "text/html"))
        _ = try await store.claimNextJob(worker: "test", lease: .seconds(60))
        #expect(try await store.job(id: job.id)?.state == .running)
        let auth = try await Self.token(store, "vic", role: .viewer)
        try await Self.application(store).test(.router) { client in
            var state = "running"
            for _ in 0..<300 where state != "done" {
                try await Task.sleep(for: .milliseconds(100))
                state =
                    try Self.json(try await client.execute(uri: "/api/v1/jobs/\(job.id)", method: .get, headers: auth).body)["state"] as? String ?? ""
            }
            #expect(state == "done")
        }
        #expect(try await store.job(id: job.id)?.attempts == 2)
    }
}
