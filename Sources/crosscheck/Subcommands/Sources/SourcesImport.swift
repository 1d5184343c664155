import ArgumentParser
import CrosscheckKit
import Foundation

struct SourcesImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a folder of .txt/.html/.md files, a JSON Lines file, or an RSS/Atom/JSON Feed file.",
        discussion: """
            JSON Lines records are {"id", "title", "url", "published", "text"} (also "abstract" as text \
            or a list of sentences). Importing the same content again adds nothing; near-duplicates are \
            skipped too. Progress shows on a terminal. When over 10,000 passages (and a tenth of those indexed) are new, \
            the BM25 index is rebuilt; the dense index only by crosscheck sources index.
            """
    )

    @Argument(help: "A file or folder.")
    var path: String

    @Option(help: "The source name to file documents under.")
    var source: String = "import"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExitCodes.fail(CrosscheckError(.fileNotFound, "no such file or folder: \(path)"))
        }
        let opened = try store.open()
        var importer = Importer(store: opened, converter: DocumentConverter(source: source, retrieved: ISO8601DateFormatter().string(from: Date())))
        if isDirectory.boolValue {
            let files = Importer.files(in: path)
            for (index, file) in files.enumerated() {
                try await importer.importFile(file)
                importer.progress.show(done: index + 1, total: files.count, unit: "files", extra: ", \(importer.passages) passages")
            }
        } else {
            try await importer.importFile(path)
        }
        try await importer.flush()
        importer.progress.finish()
        for problem in importer.problems.prefix(20) { StandardError.write("warning: \(problem)\n") }
        if importer.problems.count > 20 { StandardError.write("warning: \(importer.problems.count - 20) more problems\n") }
        print(
            "imported \(importer.added) documents (\(importer.passages) passages); \(importer.duplicates) already stored, \(importer.problems.count) skipped"
        )
        if try await opened.refreshIndexIfStale() { print("rebuilt the passage index") }
    }
}
