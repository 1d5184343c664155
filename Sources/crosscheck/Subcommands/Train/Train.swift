import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model from the shared data and write the model file.",
        subcommands: [
            TrainCheckworthiness.self, TrainMatch.self, TrainComments.self, TrainMachineText.self, TrainLanguage.self, TrainStance.self,
            TrainRelevance.self,
        ]
    )
}
