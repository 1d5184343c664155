import CrosscheckModels
public import Foundation

/// A folder of model files: the one built with the engine, or one a deployment names.
public struct ModelDirectory: Sendable, Hashable, CustomStringConvertible {
    /// The folder.
    public var url: URL

    /// The folder at `url`, unchecked (``named(_:)`` checks a path a user gave).
    public init(url: URL) {
        self.url = url
    }

    /// The environment variable that names a model folder for every command.
    public static let environmentVariable = "CROSSCHECK_MODELS"

    /// The folder at `path`, which must exist and be a directory.
    /// - Throws: ``CrosscheckError`` with code `invalidArgument` for an address that is not a
    ///   local path, `modelMissing` when there is no such folder.
    public static func named(_ path: String) throws -> ModelDirectory {
        if let scheme = path.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) {
            throw CrosscheckError(
                .invalidArgument,
                "\(path) is an address (\(path[scheme])), but models are read from a local folder; give the folder's path",
                adjustment: .modelDirectory)
        }
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CrosscheckError(
                .modelMissing, "there is no model folder at \(path); give a folder that holds the model files", adjustment: .modelDirectory)
        }
        guard isDirectory.boolValue else {
            throw CrosscheckError(
                .modelMissing, "\(path) is a file, not a folder of models; give the folder that holds it", adjustment: .modelDirectory)
        }
        return ModelDirectory(url: url)
    }

    /// The models built with the engine, or `nil` when their resource bundle is gone.
    public static var built: ModelDirectory? { BuiltModels.directory.map(ModelDirectory.init(url:)) }

    /// The folder named by `CROSSCHECK_MODELS`, else the models built with the engine.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when neither exists.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ModelDirectory {
        if let path = environment[environmentVariable], !path.isEmpty { return try named(path) }
        guard let built else {
            throw CrosscheckError(
                .modelMissing,
                "the model files are not beside the program (crosscheck_CrosscheckModels.resources); rebuild with swift build, or name a model folder",
                adjustment: .modelDirectory)
        }
        return built
    }

    /// The file or folder `name` in this directory, when it exists.
    public func file(_ name: String) -> URL? {
        let url = url.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether the fine-tuned transformer in folder `name` is complete enough to load.
    func hasTransformer(_ name: String) -> Bool {
        file(name + "/model.safetensors") != nil
    }

    public var description: String { url.path }
}
