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
        subcommands: [BatchCheckworthiness.self, BatchMatch.self, BatchComments.self, BatchMachineText.self, BatchLanguage.self, BatchVerify.self, BatchRetrieveVerify.self, BatchQuotes.self]
    )
}

/// Input and output options shared by the batch tasks.
struct BatchIO: ParsableArguments {
    @Option(help: "JSON Lines input file, or - for standard input.")
    var input: String = "-"

    @Option(help: "Output file, or - for standard output.")
    var output: String = "-"

    func run(_ task: any BatchTask) async throws {
        let inputHandle: FileHandle
        if input == "-" {
            inputHandle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw ExitCodes.fail(CrosscheckError(.fileNotFound, "no such file: \(input); check the path or pass --input - for standard input"))
            }
            guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: input) else {
                throw ExitCodes.fail(CrosscheckError(.isDirectory, "\(input) is not a readable file; give a JSON Lines file"))
            }
            inputHandle = handle
        }
        let outputHandle: FileHandle
        if output == "-" {
            outputHandle = FileHandle.standardOutput
        } else {
            guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                throw ExitCodes.fail(CrosscheckError(.writeFailed, "cannot write \(output); check the folder exists and is writable"))
            }
            outputHandle = handle
        }
        defer { try? outputHandle.close() }
        let summary = try await BatchRunner(task: task).run(
            input: inputHandle, write: { outputHandle.write($0) }, warn: { StandardError.write("warning: \($0)\n") })
        if summary.errors > 0 {
            StandardError.write("\(summary.lines) lines, \(summary.answered) answered, \(summary.errors) with errors\n")
        }
    }
}

struct BatchQuotes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "{\"id\", \"text\"} -> {\"id\", \"quotes\": [{\"start\", \"end\", \"speaker\", \"kind\"}]}: quotations and reported speech with their speakers")

    @OptionGroup var io: BatchIO

    func run() async throws {
        try await io.run(QuotesBatchTask(attribution: try SharedAttribution.tagger()))
    }
}

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
            let encoder = try SharedEncoder.encoder()
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
