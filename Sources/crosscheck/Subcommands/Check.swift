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
            guard let maxBytes = ByteCount.parse(maxInputSize), maxBytes > 0 else {
                throw CrosscheckError(.invalidArgument, "--max-input-size \(maxInputSize) is not a size; write it like 50MB or 500KB")
            }
            var readerConfiguration = ArticleReader.Configuration(maxBytes: maxBytes)
            if inputFormat != "auto" {
                guard let chosen = InputFormat(rawValue: inputFormat.lowercased()) else {
                    throw CrosscheckError(.invalidArgument, "--input-format \(inputFormat) is unknown; use auto, html, text or json")
                }
                readerConfiguration.format = chosen
            }
            let fetcher = HTTPFetcher(
                configuration: .init(timeout: timeout, maxBytes: maxBytes), logger: logger)
            let articleInput = try await InputLoader(maxBytes: maxBytes, fetcher: fetcher).load(input, url: url)
            let engine = try modelOptions.engine()
            let checker = try engine.articleChecker(reader: readerConfiguration, factChecks: try await factChecks())
            var report = try checker.check(articleInput)
            if let stage = try await verificationStage(engine: engine) { try await stage.run(on: &report) }
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

    /// The verification stage, when an evidence store is named or the default store holds documents.
    func verificationStage(engine: Engine) async throws -> ClaimVerificationStage? {
        guard !noVerify else { return nil }
        let path = index ?? StoreOptions(db: db).path
        guard FileManager.default.fileExists(atPath: path) else {
            if let index {
                throw CrosscheckError(.fileNotFound, "no evidence store at \(index); build one with crosscheck sources import FILE --db \(index)")
            }
            return nil
        }
        let store = try StoreOptions.open(path)
        guard try await store.statistics().documents > 0 else { return nil }
        try await store.ensureIndex()
        return ClaimVerificationStage(
            verifier: try engine.verifier(), store: store,
            since: try dateOption(evidenceSince, "--evidence-since"), until: try dateOption(evidenceUntil, "--evidence-until"))
    }

    /// The store's fact-checks to match claims against, when the store exists.
    func factChecks() async throws -> [FactCheck] {
        let path = StoreOptions(db: db).path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try await StoreOptions.open(path).factChecks()
    }
}
