import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct BatchCheckworthiness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkworthiness",
        abstract: "{\"id\", \"text\"} -> {\"id\", \"score\": 0..1, \"checkworthy\": bool}"
    )

    @OptionGroup var io: BatchIO

    @Option(help: "A model file to use instead of the shipped one.")
    var model: String?

    func run() async throws {
        let loaded: CheckworthinessModel
        do {
            let encoder = try io.engine().encoder()
            if let model {
                var file = try CheckworthinessModel.load(from: Data(contentsOf: URL(fileURLWithPath: model)))
                if file.meaningDimensions > 0 { file.encoder = encoder }
                loaded = file
            } else {
                loaded = try CheckworthinessModel.bundled(encoder: encoder)
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
        try await io.run(CheckworthinessBatchTask(model: loaded))
    }
}
