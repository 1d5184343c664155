import Foundation

/// Where a command's output goes when it names a path. A new or regular file is replaced whole;
/// a path that is something else — a device such as `/dev/null`, a pipe, a link — is written
/// through, since replacing it (as an atomic write does, by renaming a temporary file over it)
/// would put a regular file where the device or link stood.
enum OutputFile {
    /// Whether `path` names something that exists and is not a regular file, or is a link.
    static func isWrittenThrough(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let type = attributes[.type] as? FileAttributeType
        else { return false }
        return type != .typeRegular
    }

    /// A handle that writes `path` from its start: the existing device, pipe or link written
    /// through, a regular file emptied first, a missing file created.
    static func handle(writing path: String) -> FileHandle? {
        if isWrittenThrough(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
            // A link to a regular file: that file is emptied as if it had been named.
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType == .typeRegular {
                try? handle.truncate(atOffset: 0)
            }
            return handle
        }
        if FileManager.default.fileExists(atPath: path), let handle = FileHandle(forWritingAtPath: path) {
            try? handle.truncate(atOffset: 0)
            return handle
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }
}
