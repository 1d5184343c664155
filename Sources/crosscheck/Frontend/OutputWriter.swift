import CrosscheckKit
import Foundation

/// Writes command output to standard output or, atomically, to a file.
struct OutputWriter {
    var path: String?

    /// Whether output goes to a terminal (colour is only used there).
    var isTerminal: Bool { path == nil && isatty(STDOUT_FILENO) == 1 }

    func write(_ text: String) throws {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CrosscheckError(
                .writeFailed, "cannot write \(path) (\(error.localizedDescription)); check the folder exists and is writable")
        }
    }
}
