import CrosscheckKit
import Foundation

/// Writes command output to standard output or, atomically, to a file (through it, when the path
/// is a device, a pipe or a link: see ``OutputFile``).
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
            if OutputFile.isWrittenThrough(path) {
                guard let handle = OutputFile.handle(writing: path) else { throw CocoaError(.fileWriteNoPermission) }
                defer { try? handle.close() }
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw CrosscheckError(
                .writeFailed, "cannot write \(path) (\(error.localizedDescription)); check the folder exists and is writable")
        }
    }
}
