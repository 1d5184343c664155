public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One temporary folder for everything a test run writes (stores, models, reports), removed when
/// the test process exits, so runs leave nothing behind in the system's temporary folder.
package enum ScratchFolder {
    /// `crosscheck-tests-PID` in the system's temporary folder, created on first use.
    package static let root: URL = {
        let url = folder(for: getpid())
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(at: ScratchFolder.folder(for: getpid()))
        }
        return url
    }()

    static func folder(for process: pid_t) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-tests-\(process)")
    }
}
