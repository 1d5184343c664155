import ArgumentParser
import CrosscheckKit
import CrosscheckSQLite
import Foundation


struct Sources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the evidence sources: feeds to poll and collections to import.",
        subcommands: [SourcesAdd.self, SourcesList.self, SourcesRemove.self, SourcesImport.self, SourcesIndex.self]
    )
}

struct SourcesAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a source to poll (crosscheck refresh polls it; crosscheck watch keeps polling).")

    @Argument(help: "The feed, sitemap, page or ClaimReview URL.")
    var url: String

    @Option(help: "What the URL is: feed (RSS, Atom, JSON Feed), sitemap, page or claimreview.")
    var kind: SourceRecord.Kind = .feed

    @Option(help: "How often to poll: 30s, 15m, 1h, 1d.")
    var every: String = "15m"

    @Option(help: "A name for the source (default: the URL's host).")
    var name: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let seconds = Interval.seconds(every) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "--every \(every) is not an interval; write it like 15m, 1h or 1d"))
        }
        guard let canonical = URLCanonicalizer.canonical(url), let host = URLCanonicalizer.host(canonical) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "\(url) is not an http(s) URL; give a full URL such as https://news.example/feed.xml"))
        }
        let opened = try store.open()
        let sourceName = name ?? host
        try await opened.save(SourceRecord(name: sourceName, url: url, kind: kind, every: seconds))
        print("added \(kind.rawValue) source \(sourceName) (\(url)), polled every \(every); run crosscheck refresh to fetch it now")
    }
}

struct SourcesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sources and how their last poll went.")

    @Option(help: "Output format: terminal or json.")
    var format: String = "terminal"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let opened = try store.open()
        let sources = try await opened.sources()
        if format == "json" {
            let encoder = JSONReportRenderer.encoder()
            print(String(decoding: try encoder.encode(sources), as: UTF8.self))
            return
        }
        let statistics = try await opened.statistics()
        print("\(store.path): \(statistics.documents) documents, \(statistics.passages) passages, \(statistics.factChecks) fact-checks")
        if sources.isEmpty { print("no sources; add one with crosscheck sources add URL") }
        for source in sources {
            print("\(source.name)  \(source.kind.rawValue)  every \(source.every)s  \(source.url)")
            print("    last poll: \(source.lastPolled ?? "never")  \(source.lastResult ?? "")  next: \(source.nextPoll ?? "now")")
        }
    }
}

struct SourcesRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop polling a source (its documents stay).")

    @Argument(help: "The source's name, as crosscheck sources list shows it.")
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard try await store.open().removeSource(named: name) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "no source named \(name); crosscheck sources list shows the names"))
        }
        print("removed \(name)")
    }
}

struct SourcesImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a folder of .txt/.html/.md files, a JSON Lines file, or an RSS/Atom/JSON Feed file.",
        discussion: """
            JSON Lines records are {"id", "title", "url", "published", "text"} (also "abstract" as text \
            or a list of sentences). Importing the same content again adds nothing; near-duplicates are \
            skipped too. Progress shows on a terminal.
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
        print("imported \(importer.added) documents (\(importer.passages) passages); \(importer.duplicates) already stored, \(importer.problems.count) skipped")
        if try await opened.refreshIndexIfStale() { print("rebuilt the passage index") }
    }
}

struct SourcesIndex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild the passage index (a BM25 posting file beside the store) from every stored passage.",
        discussion: """
            Imports and polls rebuild it when more than 10,000 passages (and a tenth of the index) are             new; passages added since are still searched, through SQLite's FTS5.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let opened = try store.open()
        let clock = ContinuousClock()
        let start = clock.now
        let count = try await opened.rebuildIndex()
        print("indexed \(count) passages in \(clock.now - start) (\(opened.indexPath))")
    }
}

/// Streams files into the store in batches.
struct Importer {
    let store: SQLiteEvidenceStore
    let converter: DocumentConverter
    var batch: [EvidenceDocument] = []
    var added = 0
    var duplicates = 0
    var passages = 0
    var problems: [String] = []
    var progress = Progress()

    init(store: SQLiteEvidenceStore, converter: DocumentConverter) {
        self.store = store
        self.converter = converter
    }

    static let extensions: Set<String> = ["txt", "md", "text", "html", "htm", "jsonl", "ndjson", "json", "xml", "rss", "atom"]

    static func files(in folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var result: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            if extensions.contains(ext) { result.append((folder as NSString).appendingPathComponent(relative)) }
        }
        return result.sorted()
    }

    mutating func importFile(_ path: String) async throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            try await importJSONLines(path)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append("\(path): cannot read; skipped")
            return
        }
        let result = converter.convert(file: path, data: data)
        problems += result.problems
        for document in result.documents { try await add(document) }
    }

    /// Reads a JSON Lines file in chunks, so memory stays flat however large it is.
    mutating func importJSONLines(_ path: String) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            problems.append("\(path): cannot read; skipped")
            return
        }
        defer { try? handle.close() }
        let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var buffer = Data()
        var read = 0
        var lineOffset = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            read += chunk.count
            buffer.append(chunk)
            guard let last = buffer.lastIndex(of: 0x0A) else { continue }
            let complete = buffer[buffer.startIndex...last]
            buffer = Data(buffer[(last + 1)...])
            let result = converter.jsonLines(Data(complete), name: path)
            problems += result.problems.map { Self.shiftLine($0, by: lineOffset, in: path) }
            lineOffset += complete.count { $0 == 0x0A }
            for document in result.documents { try await add(document) }
            progress.show(done: read / 1000, total: total / 1000, unit: "KB", extra: ", \(added) documents, \(passages) passages")
        }
        if !buffer.isEmpty {
            let result = converter.jsonLines(buffer, name: path)
            problems += result.problems.map { Self.shiftLine($0, by: lineOffset, in: path) }
            for document in result.documents { try await add(document) }
        }
    }

    /// Rewrites "file:N: ..." so N counts from the start of the file, not of the chunk.
    static func shiftLine(_ problem: String, by offset: Int, in path: String) -> String {
        let prefix = path + ":"
        guard offset > 0, problem.hasPrefix(prefix) else { return problem }
        let rest = problem.dropFirst(prefix.count)
        let number = rest.prefix { $0.isNumber }
        guard let value = Int(number) else { return problem }
        return prefix + String(value + offset) + rest.dropFirst(number.count)
    }

    mutating func add(_ document: EvidenceDocument) async throws {
        batch.append(document)
        if batch.count >= 256 { try await flush() }
    }

    mutating func flush() async throws {
        guard !batch.isEmpty else { return }
        for outcome in try await store.add(batch) {
            switch outcome {
            case .added(_, let count):
                added += 1
                passages += count
            case .duplicate, .nearDuplicate:
                duplicates += 1
            }
        }
        batch.removeAll(keepingCapacity: true)
    }
}
