public import Foundation

/// Where the model files built with the engine are, found without trapping when they are gone.
///
/// SwiftPM copies `Models/` into a resource bundle beside the executable; its generated
/// `Bundle.module` stops the process when that bundle is missing, so this looks for it by hand:
/// beside the running program (also through a symlink to it), then in the source tree it was built from.
public enum BuiltModels {
    /// The folder of model files, or `nil` when neither the bundle nor the source tree has it.
    public static let directory: URL? = candidates.first { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The places looked in, in order.
    public static var candidates: [URL] {
        let bundleName = "crosscheck_CrosscheckModels.resources"
        var places = [Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Models")]
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        places.append(executable.appendingPathComponent(bundleName).appendingPathComponent("Models"))
        places.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Models"))
        return places
    }
}
