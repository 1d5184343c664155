import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check one article and print the report.",
        discussion: """
            INPUT is a file path, - for standard input, or an http(s) URL. The format (HTML, plain \
            text or JSON) is detected; override it with --input-format.

            Examples:
              crosscheck check Examples/harbour-bridge.html
              crosscheck check https://news.example/story --format json
              cat copied-page.txt | crosscheck check - --format markdown

            \(ExitCodes.help)
            """
    )

    @Argument(help: "The article: a file path, - for standard input, or an http(s) URL.")
    var input: String

    @Option(name: .shortAndLong, help: "Output format: terminal, json or markdown.")
    var format: ReportFormat = .terminal

    @Option(help: "Input format: auto, html, text or json.")
    var inputFormat: String = "auto"

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "Never colour terminal output (colour is also off when output is not a terminal, or NO_COLOR is set).")
    var noColor = false

    @Option(help: "Largest input accepted, e.g. 50MB, 500KB.")
    var maxInputSize: String = "50MB"

    @Option(help: "Seconds to wait for a URL.")
    var timeout: Double = 20

    @Option(help: "The page's own URL, when INPUT is a saved file (used to resolve relative links).")
    var url: String?

    @Option(help: "The store with earlier fact-checks (default: $CROSSCHECK_DB, else ~/.local/share/crosscheck/crosscheck.sqlite, when it exists).")
    var db: String?

    @Option(help: "The evidence store to verify claims against (default: the --db store, when it holds documents).")
    var index: String?

    @Flag(help: "Do not verify claims, even when a store with evidence exists.")
    var noVerify = false

    @Option(help: "Only evidence published on or after this date (YYYY-MM-DD or ISO 8601).")
    var evidenceSince: String?

    @Option(help: "Only evidence published before this date (YYYY-MM-DD or ISO 8601).")
    var evidenceUntil: String?

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = global.bootstrapLogging()
        do {
            let readerConfiguration = try ArticleReader.Configuration.options(maxInputSize: maxInputSize, inputFormat: inputFormat)
            let maxBytes = readerConfiguration.maxBytes
            let fetcher = HTTPFetcher(
                configuration: .init(timeout: timeout, maxBytes: maxBytes), logger: logger)
            let articleInput = try await InputLoader(maxBytes: maxBytes, fetcher: fetcher).load(input, url: url)
            // The --db store serves fact-checks and, unless --index names another, evidence: opened once.
            let store = try openedStore()
            let analysis = ArticleAnalysis(
                engine: try modelOptions.engine(), factChecks: store, evidence: try evidenceStore(default: store),
                since: try dateOption(evidenceSince, "--evidence-since"), until: try dateOption(evidenceUntil, "--evidence-until"))
            let report = try await analysis.report(for: articleInput, reader: readerConfiguration)
            let writer = OutputWriter(path: output)
            let renderer: any ReportRenderer
            switch format {
            case .json: renderer = JSONReportRenderer()
            case .markdown: renderer = MarkdownReportRenderer()
            case .terminal:
                let color = !noColor && writer.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
                renderer = TerminalReportRenderer(color: color, width: width)
            }
            try writer.write(try renderer.render(report))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }

    /// The --db store, when it is a shared store or its file exists.
    func openedStore() throws -> (any EvidenceStore)? {
        let path = StoreOptions(db: db).path
        guard StoreOptions(db: db).isShared || FileManager.default.fileExists(atPath: path) else { return nil }
        return try StoreOptions.open(path)
    }

    /// The store to verify against: --index, else the --db store; `nil` with --no-verify.
    func evidenceStore(default store: (any EvidenceStore)?) throws -> (any DocumentStore)? {
        guard !noVerify else { return nil }
        guard let index else { return store }
        guard StoreOptions(db: index).isShared || FileManager.default.fileExists(atPath: index) else {
            throw CrosscheckError(.fileNotFound, "no evidence store at \(index); build one with crosscheck sources import FILE --db \(index)")
        }
        return try StoreOptions.open(index)
    }
}
