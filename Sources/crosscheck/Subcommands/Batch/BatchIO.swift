import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

/// Input and output options shared by the batch tasks.
struct BatchIO: ParsableArguments {
    @Option(help: "JSON Lines input file, or - for standard input.")
    var input: String = "-"

    @Option(help: "Output file, or - for standard output.")
    var output: String = "-"

    @OptionGroup var modelOptions: ModelOptions

    /// The engine over the chosen models.
    func engine() throws -> Engine {
        try modelOptions.engine()
    }

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
            guard let handle = OutputFile.handle(writing: output) else {
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
