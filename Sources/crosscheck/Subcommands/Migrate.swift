import ArgumentParser
import CrosscheckKit
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
            guard (1...100_000).contains(batch) else {
                throw CrosscheckError(.invalidArgument, "--batch \(batch) is out of range; give 1 to 100000")
            }
            let (source, target) = try StoreOptions.openForCopy(from: from, to: to)
            let terminal = isatty(STDERR_FILENO) == 1
            let summary = try await StoreCopy(source: source, target: target, batch: batch).run { item, copied, total in
                if terminal { StandardError.write("\r\(item.rawValue): \(copied) of \(total)   ") }
            }
            if terminal { StandardError.write("\r\u{1B}[K") }
            for (item, copied, total) in summary {
                print("\(item.rawValue): \(copied) of \(total) copied")
            }
            print("copied \(from) into \(StoreOptions.shown(to)); point the server and workers at it with --db or CROSSCHECK_DB")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
