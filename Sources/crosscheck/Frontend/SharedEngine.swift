import ArgumentParser
import CrosscheckKit
import Foundation
import Logging

/// The engine for this process: one per model folder, so every stage of a command (and every
/// line of a batch) shares models loaded once.
enum SharedEngine {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var engines: [ModelDirectory: Engine] = [:]

    /// The engine over `path` (a `--models` value), else `CROSSCHECK_MODELS`, else the models
    /// built with the program.
    /// - Throws: ``CrosscheckError`` when the folder does not exist or is not a folder.
    static func engine(models path: String? = nil) throws -> Engine {
        let directory = try path.map(ModelDirectory.named) ?? ModelDirectory.standard()
        // Engine warnings (words only) go to standard error, never into a command's output.
        let logger = GlobalOptions.bootstrapLogging(level: nil)
        return lock.withLock {
            if let engine = engines[directory] { return engine }
            let engine = Engine(models: directory, logger: logger)
            engines[directory] = engine
            return engine
        }
    }
}

/// Where the models are read from.
struct ModelOptions: ParsableArguments {
    @Option(help: "A folder of model files to use instead of the built ones (default: $CROSSCHECK_MODELS).")
    var models: String?

    /// The engine over the chosen models.
    func engine() throws -> Engine {
        try SharedEngine.engine(models: models)
    }
}
