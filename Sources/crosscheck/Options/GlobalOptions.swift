import ArgumentParser
import Foundation
import Logging

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error, critical (or set LOG_LEVEL).")
    var logLevel: String?

    /// Sets up logging to standard error at the chosen level (`notice` unless told otherwise).
    func bootstrapLogging() -> Logger {
        Self.bootstrapLogging(level: logLevel)
    }

    /// Sets up logging at `chosen`, else `LOG_LEVEL`, else `notice`.
    static func bootstrapLogging(level chosen: String?) -> Logger {
        let raw = chosen ?? ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "notice"
        let level = LoggingBootstrap.once(level: Logger.Level(rawValue: raw.lowercased()) ?? .notice)
        var logger = Logger(label: "crosscheck")
        logger.logLevel = level
        return logger
    }
}

/// Bootstraps swift-log once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var chosen: Logger.Level?
    private static let lock = NSLock()

    /// The level the process logs at, once bootstrapped.
    static var level: Logger.Level? { lock.withLock { chosen } }

    /// Bootstraps at `level` the first time; returns the level the process logs at.
    @discardableResult
    static func once(level: Logger.Level) -> Logger.Level {
        lock.withLock {
            if let chosen { return chosen }
            chosen = level
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            return level
        }
    }
}
