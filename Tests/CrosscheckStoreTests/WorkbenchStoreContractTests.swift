import CrosscheckKit
import CrosscheckPostgres
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import GRDB
import Testing

/// Makes a fresh, empty people-and-reviews store of one kind.
struct WorkbenchStoreFactory: CustomTestStringConvertible, Sendable {
    var name: String
    var make: @Sendable () async throws -> any PeopleStore & ReviewStore
    var testDescription: String { name }

    static let all: [WorkbenchStoreFactory] =
        [
            WorkbenchStoreFactory(name: "memory") { MemoryWorkbenchStore() },
            WorkbenchStoreFactory(name: "sqlite") {
                try SQLiteEvidenceStore(
                    path: ScratchFolder.root.appendingPathComponent("crosscheck-wb-\(UUID().uuidString).sqlite").path)
            },
        ]
        + (ScratchDatabase.server == nil
            ? []
            : [WorkbenchStoreFactory(name: "postgres") { try PostgresStore(address: try await ScratchDatabase.make(on: ScratchDatabase.server!)) }])
}

/// What every backend must do with people, tokens, reviews and the audit log.
@Suite("People and review store contract")
struct WorkbenchStoreContractTests {
    @Test(arguments: WorkbenchStoreFactory.all)
    func peopleAndTheirTokens(factory: WorkbenchStoreFactory) async throws {
        let store = try await factory.make()
        try await store.add(Person(name: "ana", role: .editor, added: "2026-12-02T10:00:00Z"))
        await #expect(throws: CrosscheckError.self) { try await store.add(Person(name: "ana", role: .viewer, added: "x")) }
        try await store.add(APIToken(id: "t1", person: "ana", role: .analyst, created: "2026-12-02T10:01:00Z"), hash: "h1")
        #expect(try await store.token(id: "t1", hash: "h1")?.role == .analyst)
        #expect(try await store.token(id: "t1", hash: "wrong") == nil)
        #expect(try await store.revokeToken(id: "t1"))
        #expect(!(try await store.revokeToken(id: "t1")))
        #expect(try await store.token(id: "t1", hash: "h1") == nil)
        try await store.add(APIToken(id: "t2", person: "ana", role: .editor, created: "2026-12-02T10:02:00Z"), hash: "h2")
        #expect(try await store.removePerson(named: "ana"))
        #expect(try await store.token(id: "t2", hash: "h2") == nil, "removing a person revokes their tokens")
        #expect(try await store.people().isEmpty)
    }

    @Test(arguments: WorkbenchStoreFactory.all)
    func reviewsAreRecordedWithTheirAuditEntry(factory: WorkbenchStoreFactory) async throws {
        let store = try await factory.make()
        let review = Review(
            id: 0, job: "job1", target: .verdict(claim: 2), action: .override, before: "supported", after: "refuted", note: "source says 7%",
            reviewer: "ana", at: "2026-12-02T11:00:00Z")
        let stored = try await store.record(review)
        #expect(stored.id > 0)
        #expect(try await store.reviews(ofJob: "job1").map(\.after) == ["refuted"])
        try await store.append(AuditEntry(at: "2026-12-02T11:05:00Z", actor: "cli", action: "person.add", subject: "person:bo"))
        let log = try await store.auditLog(subject: nil, actor: nil, limit: 10)
        #expect(log.map(\.action) == ["review.override", "person.add"])
        #expect(log[0].before == "supported" && log[0].after == "refuted" && log[0].note == "source says 7%" && log[0].detail == "claim:2:verdict")
        #expect(try await store.auditLog(subject: "job1", actor: nil, limit: 10).count == 1)
        #expect(try await store.auditLog(subject: nil, actor: "cli", limit: 10).count == 1)
    }
}

@Suite("Passwords and tokens")
struct SecretsTests {
    @Test func passwordsAreHashedWithScryptAndChecked() throws {
        let hash = try PasswordHash.make("correct horse battery staple")
        #expect(hash.hasPrefix("scrypt$32768$8$1$"))
        #expect(!hash.contains("correct horse"))
        #expect(PasswordHash.verify("correct horse battery staple", against: hash))
        #expect(!PasswordHash.verify("correct horse battery stapler", against: hash))
        #expect(try PasswordHash.make("correct horse battery staple") != hash, "each hash has its own salt")
    }

    @Test func tokensHaveAnIdAndAreStoredOnlyAsAHash() {
        let made = TokenSecret.make()
        #expect(TokenSecret.id(of: made.token) == made.id)
        #expect(TokenSecret.hash(made.token).count == 64)
        #expect(!TokenSecret.hash(made.token).contains(made.id))
        #expect(TokenSecret.id(of: "not-a-token") == nil)
    }

    @Test func theAuditLogRefusesChangesInTheDatabaseItself() async throws {
        let path = ScratchFolder.root.appendingPathComponent("crosscheck-audit-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteEvidenceStore(path: path)
        try await store.append(AuditEntry(at: "2026-12-02T11:05:00Z", actor: "cli", action: "person.add", subject: "person:bo"))
        let direct = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) { try direct.write { try $0.execute(sql: "DELETE FROM auditEntry") } }
        #expect(throws: (any Error).self) { try direct.write { try $0.execute(sql: "UPDATE auditEntry SET note = 'rewritten'") } }
        #expect(try await store.auditLog(subject: nil, actor: nil, limit: 10).count == 1)
    }
}
