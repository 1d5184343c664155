import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct TrainLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Train the technique model (propaganda articles) and the truthfulness model (LIAR train).",
        discussion: """
            The shipped models were made with: crosscheck train language --propaganda ../shared/data/propaganda \
            --liar ../shared/data/liar --output Sources/CrosscheckModels/Models
            """
    )

    @Option(help: "shared/data/propaganda") var propaganda: String
    @Option(help: "shared/data/liar") var liar: String
    @Option(name: .shortAndLong, help: "Folder to write techniques.model and truthfulness.model into.") var output: String

    func run() throws {
        let evaluation = LanguageEvaluation(seed: 1)
        let articles = try LanguageData.propaganda(directory: propaganda)
        var techniques = evaluation.trainTechniques(articles, info: ["data": "propaganda articles=\(articles.count)", "seed": "1"])
        techniques.info["lists"] = FeatureLists.digest(for: "techniques")
        techniques.info["unmarked"] = evaluation.unmarkedTechniques(articles).joined(separator: "|")
        techniques.info["version"] = "techniques-lr-" + Digests.sha256Hex(try techniques.encoded()).prefix(12)
        try techniques.encoded().write(to: URL(fileURLWithPath: output).appendingPathComponent("techniques.model"), options: .atomic)
        var tokens = evaluation.trainTokens(articles, info: ["data": "propaganda articles=\(articles.count)", "seed": "1"])
        tokens.info["lists"] = FeatureLists.digest(for: "tokens")
        tokens.info["version"] = "tokens-lr-" + Digests.sha256Hex(try tokens.encoded()).prefix(12)
        try tokens.encoded().write(to: URL(fileURLWithPath: output).appendingPathComponent("tokens.model"), options: .atomic)
        let statements = try LanguageData.liar(directory: liar, split: "train")
        var truthfulness = evaluation.trainTruthfulness(statements, info: ["data": "liar train=\(statements.count)", "seed": "1"])
        truthfulness.info["lists"] = FeatureLists.digest(for: "truthfulness")
        truthfulness.info["version"] = "truthfulness-lr-" + Digests.sha256Hex(try truthfulness.encoded()).prefix(12)
        try truthfulness.encoded().write(to: URL(fileURLWithPath: output).appendingPathComponent("truthfulness.model"), options: .atomic)
        print(
            "wrote techniques.model (\(techniques.version), \(articles.count) articles) and truthfulness.model (\(truthfulness.version), \(statements.count) statements) to \(output)"
        )
    }
}
