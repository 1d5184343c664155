import CrosscheckKit
import CrosscheckPostgres
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import Testing

/// Makes a fresh, empty job store of one kind.
struct JobStoreFactory: CustomTestStringConvertible, Sendable {
    var name: String
    var make: @Sendable () async throws -> any JobStore
    var testDescription: String { name }

    static let all: [JobStoreFactory] =
        [
            JobStoreFactory(name: "memory") { MemoryJobStore() },
            JobStoreFactory(name: "sqlite") {
                try SQLiteEvidenceStore(
                    path: ScratchFolder.root.appendingPathComponent("crosscheck-jobs-\(UUID().uuidString).sqlite").path)
            },
        ]
        + (ScratchDatabase.server == nil
            ? []
            : [JobStoreFactory(name: "postgres") { try PostgresStore(address: try await ScratchDatabase.make(on: ScratchDatabase.server!)) }])
}

/// What every backend must do with the analysis queue.
@Suite("Job store contract")
struct JobStoreContractTests {
    static func submission(_ text: String) -> ArticleInput {
        ArticleInput(data: Data(text.utf8), name: "story.txt", url: "https://news.example/story", contentType: "text/plain")
    }

    @Test(arguments: JobStoreFactory.all)
    func aStorysJobsAreFoundByItsAddressNewestFirst(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let older = try await store.enqueue(Self.submission("first"))
        _ = try await store.enqueue(ArticleInput(data: Data("other".utf8), name: "other.txt", url: "https://news.example/other"))
        let newer = try await store.enqueue(Self.submission("again"))
        #expect(try await store.jobs(url: "https://news.example/story", limit: 10).map(\.id) == [newer.id, older.id])
        #expect(try await store.jobs(url: "https://news.example/story", limit: 1).map(\.id) == [newer.id])
        #expect(try await store.jobs(url: "https://news.example/story/", limit: 10).isEmpty)
    }

    @Test(arguments: JobStoreFactory.all)
    func jobsAreTakenOldestFirstAndOnlyOnce(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let first = try await store.enqueue(Self.submission("first"))
        let second = try await store.enqueue(Self.submission("second"))
        #expect(first.state == .queued)
        let taken = try #require(try await store.claimNextJob(worker: "a", lease: .seconds(60)))
        #expect(taken.id == first.id)
        #expect(taken.state == .running)
        #expect(taken.attempts == 1)
        #expect(taken.submission == Self.submission("first"))
        #expect(try await store.claimNextJob(worker: "a", lease: .seconds(60))?.id == second.id)
        #expect(try await store.claimNextJob(worker: "a", lease: .seconds(60)) == nil)
    }

    @Test(arguments: JobStoreFactory.all)
    func concurrentRunnersNeverShareAJob(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        for index in 0..<20 { _ = try await store.enqueue(Self.submission("article \(index)")) }
        let taken = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var mine: [String] = []
                    while let job = try await store.claimNextJob(worker: "a", lease: .seconds(60)) { mine.append(job.id) }
                    return mine
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(taken.count == 20)
        #expect(Set(taken).count == 20)
    }

    @Test(arguments: JobStoreFactory.all)
    func doneJobsKeepTheirReportAndFailedOnesTheirReason(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let good = try await store.enqueue(Self.submission("good"))
        let bad = try await store.enqueue(Self.submission("bad"))
        _ = try await store.claimNextJob(worker: "a", lease: .seconds(60))
        _ = try await store.claimNextJob(worker: "a", lease: .seconds(60))
        #expect(try await store.completeJob(id: good.id, worker: "a", report: Data("{\"claims\":[]}".utf8)))
        #expect(try await store.failJob(id: bad.id, worker: "a", error: "no article body was found; send the text as text/plain", retry: false))
        #expect(try await store.job(id: good.id)?.state == .done)
        #expect(try await store.job(id: good.id)?.finished != nil)
        #expect(try await store.report(forJob: good.id) == Data("{\"claims\":[]}".utf8))
        let failed = try #require(try await store.job(id: bad.id))
        #expect(failed.state == .failed)
        #expect(failed.error?.contains("text/plain") == true)
        #expect(try await store.report(forJob: bad.id) == nil)
        #expect(try await store.jobs(state: nil, limit: 10).map(\.id) == [bad.id, good.id])
        #expect(try await store.jobs(state: .done, limit: 10).map(\.id) == [good.id])
        #expect(try await store.job(id: "no-such-job") == nil)
    }

    @Test(arguments: JobStoreFactory.all)
    func jobsLeftRunningAreQueuedAgainAfterARestart(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let job = try await store.enqueue(Self.submission("interrupted"))
        _ = try await store.claimNextJob(worker: "a", lease: .seconds(60))
        #expect(try await store.requeueRunningJobs() == 1)
        let again = try #require(try await store.claimNextJob(worker: "a", lease: .seconds(60)))
        #expect(again.id == job.id)
        #expect(again.attempts == 2)
    }

    @Test(arguments: JobStoreFactory.all)
    func aLeaseThatRunsOutLetsAnotherWorkerTakeTheJobAndOnlyItsResultCounts(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let job = try await store.enqueue(Self.submission("crashed"))
        // Worker a takes the job and stops answering.
        let taken = Date()
        #expect(try await store.claimNextJob(worker: "a", lease: .seconds(3))?.id == job.id)
        let early = try await store.claimNextJob(worker: "b", lease: .seconds(60))
        // (On two busy cores seconds can pass between two calls; the lease may have run out by then.)
        if Date().timeIntervalSince(taken) < 2.5 { #expect(early == nil) }
        try await Task.sleep(for: .milliseconds(3500))
        // Its lease has run out: b takes the job, and a can neither renew nor finish it.
        var second = early
        if second == nil { second = try await store.claimNextJob(worker: "b", lease: .seconds(60)) }
        let retaken = try #require(second)
        #expect(retaken.id == job.id && retaken.attempts == 2)
        #expect(try await !store.renewLease(job: job.id, worker: "a", lease: .seconds(60)))
        #expect(try await !store.completeJob(id: job.id, worker: "a", report: Data("late".utf8)))
        #expect(try await store.renewLease(job: job.id, worker: "b", lease: .seconds(60)))
        #expect(try await store.completeJob(id: job.id, worker: "b", report: Data("first".utf8)))
        // Done once: a second completion changes nothing.
        #expect(try await !store.completeJob(id: job.id, worker: "b", report: Data("second".utf8)))
        #expect(try await store.report(forJob: job.id) == Data("first".utf8))
        #expect(try await store.claimNextJob(worker: "c", lease: .seconds(60)) == nil)
    }

    @Test(arguments: JobStoreFactory.all)
    func aRetriedJobWaitsItsBackoffAndAJobThatKeepsFailingEndsFailed(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let job = try await store.enqueue(Self.submission("flaky"))
        _ = try await store.claimNextJob(worker: "a", lease: .seconds(60))
        let failed = Date()
        #expect(try await store.failJob(id: job.id, worker: "a", error: "the page could not be fetched", retry: true))
        let waiting = try #require(try await store.job(id: job.id))
        #expect(waiting.state == .queued && waiting.error == "the page could not be fetched")
        // Not before its backoff (5 s) has passed.
        let early = try await store.claimNextJob(worker: "a", lease: .seconds(60))
        if Date().timeIntervalSince(failed) < 4 { #expect(early == nil) }
        #expect(JobRetry.backoff(afterAttempt: 1) == .seconds(5) && JobRetry.backoff(afterAttempt: 2) == .seconds(10))
        #expect(JobRetry.backoff(afterAttempt: 40) == .seconds(300))
    }

    @Test(arguments: JobStoreFactory.all)
    func aJobWhoseWorkersKeepStoppingIsFailedForGood(factory: JobStoreFactory) async throws {
        let store = try await factory.make()
        let job = try await store.enqueue(Self.submission("poison"))
        for attempt in 1...JobRetry.maxAttempts {
            #expect(try await store.claimNextJob(worker: "w\(attempt)", lease: .milliseconds(100))?.id == job.id)
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(try await store.claimNextJob(worker: "last", lease: .seconds(60)) == nil)
        let dead = try #require(try await store.job(id: job.id))
        #expect(dead.state == .failed && dead.attempts == JobRetry.maxAttempts)
        #expect(dead.error?.contains("gave up after \(JobRetry.maxAttempts) attempts") == true)
        #expect(try await store.jobs(state: .failed, limit: 10).map(\.id) == [job.id])
    }
}

@Suite("SQLite job queue")
struct SQLiteJobQueueTests {
    @Test func theQueueSurvivesReopeningTheFile() async throws {
        let path = ScratchFolder.root.appendingPathComponent("crosscheck-jobs-\(UUID().uuidString).sqlite").path
        let job = try await SQLiteEvidenceStore(path: path).enqueue(JobStoreContractTests.submission("kept"))
        let reopened = try SQLiteEvidenceStore(path: path)
        #expect(try await reopened.job(id: job.id)?.state == .queued)
        #expect(try await reopened.claimNextJob(worker: "a", lease: .seconds(60))?.submission.data == Data("kept".utf8))
    }
}
