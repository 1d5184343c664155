import ArgumentParser
import CrosscheckKit
import CrosscheckPostgres
import CrosscheckSQLite
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy an embedded store (a SQLite file) into a shared PostgreSQL store, resumably.",
        discussion: """
            Copies sources, documents with their passages, fact-checks, the analysis queue with its reports, people and their \
            tokens, reviews and the audit log, keeping every id. Each batch commits with the progress after it: run the same \
            command again after an interruption and it resumes where it stopped. The target must be empty when a copy starts. \
            Jobs under way in the old store are queued again in the new one. The SQLite file is only read.

            Example:
              crosscheck migrate --from newsroom.sqlite --to postgres://crosscheck:secret@db.internal/crosscheck
            """)

    @Option(help: "The embedded store to copy (a SQLite file).")
    var from: String

    @Option(help: "The shared store to copy into: postgres://USER:PASSWORD@HOST:PORT/DATABASE.")
    var to: String

    @Option(help: "Rows per batch (each commits on its own).")
    var batch: Int = 500

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        _ = global.bootstrapLogging()
        do {
            guard PostgresAddress.isPostgres(to) else {
                throw CrosscheckError(
                    .invalidArgument, "--to \(to) is not a PostgreSQL address; give postgres://USER:PASSWORD@HOST:PORT/DATABASE")
            }
            guard !PostgresAddress.isPostgres(from) else {
                throw CrosscheckError(.invalidArgument, "--from \(StoreOptions.shown(from)) is a PostgreSQL address; give the SQLite file to copy")
            }
            guard FileManager.default.fileExists(atPath: from) else {
                throw CrosscheckError(.fileNotFound, "no store at \(from); give the SQLite file the server or commands used (their --db)")
            }
            guard (1...100_000).contains(batch) else {
                throw CrosscheckError(.invalidArgument, "--batch \(batch) is out of range; give 1 to 100000")
            }
            let source = try SQLiteEvidenceStore(path: from)
            let target = try PostgresStore(address: to)
            let summary = try await StoreCopy(source: source, target: target, batch: batch).run { item, copied, total in
                StandardError.write("\r\(item.rawValue): \(copied) of \(total)   ")
            }
            StandardError.write("\r\u{1B}[K")
            for (item, copied, total) in summary {
                print("\(item.rawValue): \(copied) of \(total) copied")
            }
            print("copied \(from) into \(target.address); point the server and workers at it with --db or CROSSCHECK_DB")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
