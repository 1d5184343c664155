import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure quality on a development data set in its native format.",
        subcommands: [
            EvalCheckworthiness.self, EvalMatch.self, EvalComments.self, EvalMachineText.self, EvalLanguage.self, EvalVerify.self, EvalStance.self,
            EvalRetrieveVerify.self, EvalThreads.self, EvalQuotes.self, EvalPages.self,
        ]
    )
}
