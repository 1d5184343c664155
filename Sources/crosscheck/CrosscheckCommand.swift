import ArgumentParser
import CrosscheckKit
import Foundation
import Logging

@main
struct CrosscheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Self-hosted, offline-first fact-checking for news articles.",
        discussion: """
            Give it an article (a text file, a saved HTML page, a URL or JSON) and it reports the \
            article's body, metadata and comment section, ready for the later stages.

            \(ExitCodes.help)
            """,
        version: CrosscheckVersion.current,
        subcommands: [
            Check.self, VerifyClaim.self, Comments.self, Listen.self, Sources.self, Refresh.self, Watch.self, Serve.self, Worker.self, Migrate.self,
            Users.self, Search.self,
            Factchecks.self,
            Batch.self, Eval.self, Train.self, Bench.self,
        ]
    )
}
