import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct Batch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one task over JSON Lines: one object in, one object out, in order, with each id echoed.",
        discussion: """
            A line that is not JSON or has no id is reported on standard error with its line number; a \
            line the task cannot use gets {"id": ..., "error": "..."}. Processing always continues.
            """,
        subcommands: [
            BatchCheckworthiness.self, BatchMatch.self, BatchComments.self, BatchMachineText.self, BatchLanguage.self, BatchVerify.self,
            BatchRetrieveVerify.self, BatchQuotes.self,
        ]
    )
}
