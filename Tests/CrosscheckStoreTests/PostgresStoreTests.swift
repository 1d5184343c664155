import CrosscheckKit
import CrosscheckPostgres
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import PostgresNIO
import Synchronization
import Testing

/// What only the shared store does: addresses, an absent server, processes sharing one database,
/// and the copy from an embedded store. Tests that need a server skip without `CROSSCHECK_TEST_POSTGRES`.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    static func scratch() async throws -> String { try await ScratchDatabase.make(on: ScratchDatabase.server!) }

    @Test func addressesAreReadAsLibpqReadsThemAndNeverShowThePassword() throws {
        let address = try PostgresAddress("postgres://newsroom:s3cret@db.example:6543/crosscheck?sslmode=require")
        #expect(address.description == "postgres://newsroom@db.example:6543/crosscheck")
        #expect(address.configuration.host == "db.example" && address.configuration.port == 6543)
        #expect(address.configuration.password == "s3cret" && address.configuration.database == "crosscheck")
        let socket = try PostgresAddress("postgresql://newsroom@/crosscheck?host=/var/run/postgresql")
        #expect(socket.configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
        let mode = try #require(throws: CrosscheckError.self) { try PostgresAddress("postgres://a@b/c?sslmode=sometimes") }
        #expect(mode.message.contains("verify-full"))
        let other = try #require(throws: CrosscheckError.self) { try PostgresStore(address: "mysql://a@b/c") }
        #expect(other.code == .invalidArgument && other.message.contains("postgres://"))
    }

    @Test func aServerThatIsNotThereIsAStoreFailureThatSaysWhatToCheck() async throws {
        // Port 9 on loopback: nothing listens there.
        let store = try PostgresStore(address: "postgres://nobody:pw@127.0.0.1:9/none?sslmode=disable", connectTimeout: .seconds(3))
        let error = try await #require(throws: CrosscheckError.self) { try await store.statistics() }
        #expect(error.code == .storeFailed)
        #expect(error.message.contains("postgres://nobody@127.0.0.1:9/none") && !error.message.contains("pw"))
        #expect(error.message.contains("check that"))
    }

    @Test(.enabled(if: ScratchDatabase.server != nil))
    func theAuditLogRefusesChangesInTheDatabaseItself() async throws {
        let address = try await Self.scratch()
        let store = try PostgresStore(address: address)
        try await store.append(AuditEntry(at: "2026-12-02T11:05:00Z", actor: "cli", action: "person.add", subject: "person:bo"))
        for statement in ["DELETE FROM audit_entry", "UPDATE audit_entry SET note = 'rewritten'"] {
            let error = try await #require(throws: CrosscheckError.self) { try await store.execute(statement) }
            #expect(error.message.contains("append-only"))
        }
        #expect(try await store.auditLog(subject: nil, actor: nil, limit: 10).count == 1)
    }

    @Test(.enabled(if: ScratchDatabase.server != nil))
    func processesSharingTheStoreNeverTakeTheSameJobOrPollTheSameSource() async throws {
        let address = try await Self.scratch()
        // Three stores on one database stand for three worker processes, each with its own pool.
        let workers = try (0..<3).map { _ in try PostgresStore(address: address) }
        for index in 0..<30 {
            _ = try await workers[index % 3].enqueue(ArticleInput(data: Data("article \(index)".utf8), name: "a\(index).txt"))
        }
        try await workers[0].save(SourceRecord(name: "wire", url: "https://wire.example/feed.xml", kind: .feed, every: 900))
        let now = Date()
        let (taken, polls) = try await withThrowingTaskGroup(of: ([String], Int).self) { group in
            for (number, store) in workers.enumerated() {
                group.addTask {
                    var mine: [String] = []
                    let polled = try await store.claimPoll(of: "wire", worker: "w\(number)", lease: .seconds(60), now: now) == nil ? 0 : 1
                    while let job = try await store.claimNextJob(worker: "w\(number)", lease: .seconds(60)) {
                        mine.append(job.id)
                        #expect(try await store.completeJob(id: job.id, worker: "w\(number)", report: Data("{}".utf8)))
                    }
                    return (mine, polled)
                }
            }
            return try await group.reduce(into: ([String](), 0)) {
                $0.0 += $1.0; $0.1 += $1.1
            }
        }
        #expect(taken.count == 30 && Set(taken).count == 30)
        #expect(polls == 1)
        #expect(try await workers[1].jobs(state: .done, limit: 100).count == 30)
    }

    @Test(.enabled(if: ScratchDatabase.server != nil))
    func anInterruptedCopyResumesAndLosesNothing() async throws {
        let path = ScratchFolder.root.appendingPathComponent("crosscheck-copy-\(UUID().uuidString).sqlite").path
        let old = try SQLiteEvidenceStore(path: path)
        try await Self.fill(old)
        let address = try await Self.scratch()
        let target = try PostgresStore(address: address)
        // The first run stops mid-way through the documents (sources, then 2 of 5), as a killed process would.
        let cut = CutOffTarget(target: target, batches: 2)
        await #expect(throws: CopyCutOff.self) { try await StoreCopy(source: old, target: cut, batch: 2).run() }
        #expect(try await target.statistics().documents == 2)
        // A new copy into a store that holds data from elsewhere is refused; this one resumes.
        let summary = try await StoreCopy(source: old, target: target, batch: 2).run()
        #expect(summary.allSatisfy { $0.1 == $0.2 })
        try await Self.expectSameContents(old, target)
        // New rows continue after the copied ones.
        let added = try await target.add(document("A new story about the tram depot and its eleven new trams.", id: "tram"))
        guard case .added(let id, _) = added else { Issue.record("the new story was not added: \(added)"); return }
        #expect(id > 5)
        let entry = try await target.append(AuditEntry(at: "2026-12-03T09:00:00Z", actor: "cli", action: "person.add", subject: "person:zed"))
        #expect(entry.id > 3)
        let fresh = try PostgresStore(address: try await Self.scratch())
        _ = try await fresh.add(document("Something else entirely.", id: "other"))
        let refused = try await #require(throws: CrosscheckError.self) { try await StoreCopy(source: old, target: fresh).run() }
        #expect(refused.message.contains("empty database"))
    }

    /// `CROSSCHECK_TEST_PG_RESTART`: a shell command that restarts the test server (`.ci/run` sets it).
    static var restartCommand: String? {
        ProcessInfo.processInfo.environment["CROSSCHECK_TEST_PG_RESTART"].flatMap { $0.isEmpty ? nil : $0 }
    }

    @Test(.enabled(if: ScratchDatabase.server != nil && restartCommand != nil))
    func aServerRestartedUnderLoadLosesNothingCommittedAndDoesNothingTwice() async throws {
        let store = try PostgresStore(address: try await Self.scratch())
        let ledger = Ledger()
        let stop = Date().addingTimeInterval(10)
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Two submitters and two workers keep the store busy while the server restarts.
            for submitter in 0..<2 {
                group.addTask {
                    var index = 0
                    while Date() < stop {
                        index += 1
                        do {
                            let job = try await store.enqueue(ArticleInput(data: Data("s\(submitter) \(index)".utf8), name: "a.txt"))
                            ledger.enqueued(job.id)
                            try await Task.sleep(for: .milliseconds(20))
                        } catch {
                            ledger.failed()
                            try await Task.sleep(for: .milliseconds(100))
                        }
                    }
                }
            }
            for worker in 0..<2 {
                group.addTask { try await Self.work(store, worker: "w\(worker)", until: stop, ledger: ledger) }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(3))
                try await Self.restartServer()
            }
            try await group.waitForAll()
        }
        // After the load: what is left (and what a lost answer left running) is finished.
        try await Self.work(store, worker: "drain", until: Date().addingTimeInterval(60), ledger: ledger, untilEmpty: true)
        let stored = try await store.jobs(state: nil, limit: 100_000)
        #expect(Ledger.restarted.withLock { $0 != nil }, "the server was not restarted")
        #expect(ledger.enqueuedAfterRestart > 0, "no client reconnected after the restart")
        let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(ledger.enqueuedIDs.allSatisfy { byID[$0] != nil }, "an enqueue that returned is lost")
        #expect(stored.allSatisfy { $0.state == .done }, "\(stored.filter { $0.state != .done }.map(\.state))")
        #expect(ledger.completions.values.allSatisfy { $0 == 1 }, "a job was completed twice")
        #expect(Set(ledger.completions.keys) == Set(stored.map(\.id)))
    }

    /// Takes and finishes jobs until `until` (or until none is left, with `untilEmpty`), riding out errors.
    static func work(_ store: PostgresStore, worker: String, until: Date, ledger: Ledger, untilEmpty: Bool = false) async throws {
        while Date() < until {
            do {
                guard let job = try await store.claimNextJob(worker: worker, lease: .seconds(2)) else {
                    if untilEmpty, try await store.jobs(state: .queued, limit: 1).isEmpty, try await store.jobs(state: .running, limit: 1).isEmpty {
                        return
                    }
                    try await Task.sleep(for: .milliseconds(200))
                    continue
                }
                if try await store.completeJob(id: job.id, worker: worker, report: Data("{}".utf8)) { ledger.completed(job.id) }
            } catch {
                ledger.failed()
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Runs the restart command and waits for it, on a thread of its own (posix_spawn and waitpid:
    /// the server it starts outlives the command, and must not be taken for its child).
    static func restartServer() async throws {
        let command = try #require(restartCommand)
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            Thread.detachNewThread {
                var pid: pid_t = 0
                let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) }
                defer { arguments.forEach { free($0) } }
                var argv = arguments + [nil]
                guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { return continuation.resume(returning: -1) }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                continuation.resume(returning: status)
            }
        }
        #expect(status == 0, "the restart command failed")
        Ledger.restarted.withLock { $0 = Date() }
    }

    /// Five documents, two sources, fact-checks, a done and a running job, people, a token, a
    /// review and audit entries.
    static func fill(_ store: SQLiteEvidenceStore) async throws {
        for index in 0..<5 {
            _ = try await store.add(
                document(bridgeText + " Story \(index) adds that crews worked \(index * 7 + 3) nights.", id: "story-\(index)", source: "herald"))
        }
        try await store.save(SourceRecord(name: "herald", url: "https://herald.example/feed.xml", kind: .feed, every: 900, etag: "\"v7\""))
        try await store.save(SourceRecord(name: "checks", url: "https://checks.example/", kind: .claimreview, every: 3600))
        _ = try await store.add([
            FactCheck(id: "fc1", claim: "The bridge repair costs $48 million", rating: "True"),
            FactCheck(id: "fc2", claim: "Work starts in May", rating: "False"),
        ])
        let done = try await store.enqueue(ArticleInput(data: Data("done".utf8), name: "done.txt", url: "https://news.example/done"))
        _ = try await store.enqueue(ArticleInput(data: Data("running".utf8), name: "running.txt"))
        _ = try await store.claimNextJob(worker: "old", lease: .seconds(60))
        _ = try await store.completeJob(id: done.id, worker: "old", report: Data("{\"claims\":[]}".utf8))
        _ = try await store.claimNextJob(worker: "old", lease: .seconds(60))
        try await store.add(Person(name: "ana", role: .editor, added: "2026-12-02T10:00:00Z", passwordHash: "scrypt$x"))
        try await store.add(APIToken(id: "t1", person: "ana", role: .editor, created: "2026-12-02T10:01:00Z"), hash: "h1")
        try await store.add(APIToken(id: "t2", person: "ana", role: .viewer, created: "2026-12-02T10:02:00Z", revoked: true), hash: "h2")
        _ = try await store.record(
            Review(
                id: 0, job: done.id, target: .verdict(claim: 0), action: .override, before: "supported", after: "refuted", note: "checked",
                reviewer: "ana", at: "2026-12-02T11:00:00Z"))
        try await store.append(AuditEntry(at: "2026-12-02T11:05:00Z", actor: "cli", action: "person.add", subject: "person:ana"))
        try await store.append(AuditEntry(at: "2026-12-02T11:06:00Z", actor: "cli", action: "token.issue", subject: "person:ana"))
    }

    static func expectSameContents(_ old: SQLiteEvidenceStore, _ new: PostgresStore) async throws {
        #expect(try await new.statistics() == (try await old.statistics()))
        for id in Int64(1)...5 {
            #expect(try await new.document(id: id) == (try await old.document(id: id)))
        }
        let query = PassageQuery(text: "crews worked 17 nights", limit: 3)
        #expect(try await new.search(query).first?.documentKey == (try await old.search(query)).first?.documentKey)
        #expect(try await new.sources() == (try await old.sources()))
        #expect(try await new.factChecks() == (try await old.factChecks()))
        let jobs = try await new.jobs(state: nil, limit: 10)
        #expect(jobs.map(\.id) == (try await old.jobs(state: nil, limit: 10)).map(\.id))
        #expect(jobs.map(\.state) == [.queued, .done], "the job under way is queued again")
        #expect(try await new.report(forJob: jobs[1].id) == Data("{\"claims\":[]}".utf8))
        #expect(try await new.people() == (try await old.people()))
        #expect(try await new.tokens(of: "ana") == (try await old.tokens(of: "ana")))
        #expect(try await new.token(id: "t1", hash: "h1") != nil)
        #expect(try await new.token(id: "t2", hash: "h2") == nil)
        #expect(try await new.reviews(ofJob: jobs[1].id) == (try await old.reviews(ofJob: jobs[1].id)))
        #expect(try await new.auditLog(subject: nil, actor: nil, limit: 10) == (try await old.auditLog(subject: nil, actor: nil, limit: 10)))
    }
}

struct CopyCutOff: Error {}

/// What the load test's clients saw: enqueues that returned, completions that counted, errors.
final class Ledger: @unchecked Sendable {
    static let restarted = Mutex<Date?>(nil)
    private let lock = NSLock()
    private(set) var enqueuedIDs: [String] = []
    private(set) var completions: [String: Int] = [:]
    private(set) var failures = 0
    private(set) var enqueuedAfterRestart = 0

    func enqueued(_ id: String) {
        let after = Self.restarted.withLock { $0 != nil }
        lock.withLock {
            enqueuedIDs.append(id)
            if after { enqueuedAfterRestart += 1 }
        }
    }

    func completed(_ id: String) { lock.withLock { completions[id, default: 0] += 1 } }
    func failed() { lock.withLock { failures += 1 } }
}

/// A target that stops taking batches after a number of them, as a copy killed mid-way does.
final class CutOffTarget: TransferTarget, @unchecked Sendable {
    let target: PostgresStore
    private let lock = NSLock()
    private var left: Int

    init(target: PostgresStore, batches: Int) {
        self.target = target
        self.left = batches
    }

    func transferProgress() async throws -> [TransferItem: (lastKey: Int64, copied: Int)] { try await target.transferProgress() }
    func isEmptyForTransfer() async throws -> Bool { try await target.isEmptyForTransfer() }
    func finishTransfer() async throws { try await target.finishTransfer() }

    func receive(_ rows: [TransferRow], of item: TransferItem) async throws {
        let go = lock.withLock {
            left -= 1
            return left >= 0
        }
        guard go else { throw CopyCutOff() }
        try await target.receive(rows, of: item)
    }
}
