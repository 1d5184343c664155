import ArgumentParser
import CrosscheckKit
import Foundation
import Logging

/// The command-line tool's exit statuses, one per kind of failure.
enum ExitCodes {
    static let table: [(CrosscheckError.Code, Int32, String)] = [
        (.fileNotFound, 3, "the input file does not exist"),
        (.isDirectory, 4, "the input is a directory"),
        (.unreadable, 5, "the input could not be read"),
        (.emptyArticle, 6, "no article body was found (or the input is empty)"),
        (.binaryInput, 7, "the input is binary data"),
        (.inputTooLarge, 8, "the input is over the size limit"),
        (.unreachable, 9, "a URL could not be reached"),
        (.httpStatus, 10, "a server answered with an error status"),
        (.malformedJSON, 11, "JSON input is malformed"),
        (.unsupportedContent, 12, "a URL is not a web page, text or JSON"),
        (.tooManyRedirects, 13, "a URL redirected too many times"),
        (.invalidArgument, 14, "an option has an unusable value"),
        (.writeFailed, 15, "the output could not be written"),
        (.modelMissing, 16, "a model file is missing or damaged"),
        (.badDataLine, 17, "input data could not be read"),
        (.storeFailed, 18, "the evidence store could not be opened, read or written"),
        (.speechUnavailable, 19, "the speech synthesiser or audio encoder is not installed"),
    ]

    /// The option that makes each adjustment a library error suggests.
    static let options: [CrosscheckError.Adjustment: String] = [
        .inputLimit: "--max-input-size", .inputFormat: "--input-format text (or html)", .pageSource: "--kind page", .storeFile: "--db",
        .modelDirectory: "--models DIR or CROSSCHECK_MODELS",
    ]

    static func status(for code: CrosscheckError.Code) -> Int32 {
        table.first { $0.0 == code }?.1 ?? 1
    }

    static var help: String {
        var lines = ["EXIT STATUS:", "  0   success", "  1   unexpected failure"]
        for (_, status, meaning) in table {
            lines.append("  \(String(status).padding(toLength: 3, withPad: " ", startingAt: 0)) \(meaning)")
        }
        lines.append("  64  invalid command-line usage")
        return lines.joined(separator: "\n")
    }

    /// Prints `error` on standard error and returns the exit code to throw.
    static func fail(_ error: CrosscheckError) -> ExitCode {
        let option = error.adjustment.flatMap { options[$0] }.map { " (\($0))" } ?? ""
        StandardError.write("error: \(error.description)\(option)\n")
        if let level = LoggingBootstrap.level, level <= .debug { StandardError.write("debug: \(String(reflecting: error))\n") }
        return ExitCode(status(for: error.code))
    }
}

/// Writes to standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
