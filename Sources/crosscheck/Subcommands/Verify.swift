import ArgumentParser
import CrosscheckKit
import Foundation

/// `crosscheck verify CLAIM`: one claim against the evidence store, without an article.
struct VerifyClaim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify one claim against the evidence store: verdict, confidence, cited passages and reasons.",
        discussion: """
            Examples:
              crosscheck verify "The state will cover 40 percent of the repair cost." --db /tmp/harbour.sqlite
              crosscheck verify "Unemployment fell to 4.1% in May." --format json

            \(ExitCodes.help)
            """
    )

    @Argument(help: "The claim, as a sentence (one that starts with - goes after --).")
    var claim: String

    @Option(help: "Output format: terminal or json.")
    var format: String = "terminal"

    @Option(help: "Only evidence published on or after this date (YYYY-MM-DD or ISO 8601).")
    var since: String?

    @Option(help: "Only evidence published before this date (YYYY-MM-DD or ISO 8601).")
    var until: String?

    @Option(help: "Passages to cite.")
    var cite: Int = 3

    @OptionGroup var store: StoreOptions

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        do {
            guard ["terminal", "json"].contains(format) else {
                throw CrosscheckError(.invalidArgument, "--format \(format) is unknown; use terminal or json")
            }
            guard !claim.trimmingASCII().isEmpty else {
                throw CrosscheckError(.invalidArgument, "the claim is empty; give it as a sentence in quotes")
            }
            guard store.isShared || FileManager.default.fileExists(atPath: store.path) else {
                throw CrosscheckError(
                    .fileNotFound, "no evidence store at \(store.path); import sources first with crosscheck sources import FILE --db \(store.path)")
            }
            let evidence = try StoreOptions.open(store.path)
            guard try await evidence.statistics().documents > 0 else {
                throw CrosscheckError(
                    .unreadable, "the store at \(store.path) holds no documents; import sources first with crosscheck sources import")
            }
            try await evidence.ensureIndex()
            let verifier = try await modelOptions.engine().verifier(for: evidence)
            let result = try await verifier.verify(
                claim: claim, store: evidence, since: try dateOption(since, "--since"), until: try dateOption(until, "--until"))
            let verdict = ReportClaim.Verdict(result, asOf: try await evidence.statistics().newestRetrieved, cited: max(cite, 0))
            if format == "json" {
                print(String(decoding: try JSONReportRenderer.encoder().encode(verdict), as: UTF8.self))
                return
            }
            let renderer = TerminalReportRenderer(color: false)
            print(verdict.label.replacingOccurrences(of: "_", with: " ").uppercased() + String(format: " (confidence %.2f)", verdict.confidence))
            for reason in verdict.reasons { print("  " + reason) }
            if let asOf = verdict.asOf { print("  evidence as of \(asOf)") }
            for (rank, item) in verdict.evidence.enumerated() {
                print("")
                print(
                    "\(rank + 1). \(item.stance) \(String(format: "%.2f", item.score)) — \(item.title ?? item.documentId)\(item.published.map { ", " + $0 } ?? "") [\(item.documentId)]"
                )
                if let url = item.url { print("   \(url)") }
                print(renderer.wrap(item.text, indent: "   "))
                for reason in item.reasons { print("   → " + reason) }
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
