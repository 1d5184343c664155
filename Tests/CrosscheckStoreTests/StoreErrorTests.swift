import CrosscheckKit
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import Testing

@Suite("Store errors")
struct StoreErrorTests {
    /// A store that cannot be opened is a store failure with its cause kept, and the message names
    /// no command-line option (the front end adds its own).
    @Test func anUnopenableStoreIsAStoreFailureWithItsCause() throws {
        let folder = ScratchFolder.root.appendingPathComponent("not-a-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            _ = try SQLiteEvidenceStore(path: folder.path)
            Issue.record("a folder opened as a store")
        } catch let error as CrosscheckError {
            #expect(error.code == .storeFailed)
            #expect(error.cause != nil)
            #expect(error.adjustment == .storeFile)
            #expect(!error.message.contains("--"))
        }
    }

    /// An address where a store file is wanted is refused, not created as a folder named "postgres:".
    @Test func anAddressIsNotTakenForAStoreFile() throws {
        let before = FileManager.default.fileExists(atPath: "postgres:")
        let error = try #require(throws: CrosscheckError.self) { try SQLiteEvidenceStore(path: "postgres://newsroom@db.example/crosscheck") }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("SQLite file"))
        #expect(FileManager.default.fileExists(atPath: "postgres:") == before)
    }
}
