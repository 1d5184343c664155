import ArgumentParser
import Foundation
import Logging

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error, critical (or set LOG_LEVEL).")
    var logLevel: String?

    /// Sets up logging to standard error at the chosen level (`notice` unless told otherwise).
    func bootstrapLogging() -> Logger {
        let raw = logLevel ?? ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "notice"
        let level = Logger.Level(rawValue: raw.lowercased()) ?? .notice
        LoggingBootstrap.once(level: level)
        var logger = Logger(label: "crosscheck")
        logger.logLevel = level
        return logger
    }
}

/// Bootstraps swift-log once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false
    private static let lock = NSLock()

    static func once(level: Logger.Level) {
        lock.withLock {
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
