public import Foundation

/// This machine's cache folder for Crosscheck: what can be made again (search indexes, spoken
/// audio, embeddings of fixed sentences), kept between processes.
public enum CacheFolder {
    /// `$XDG_CACHE_HOME/crosscheck`, else `~/.cache/crosscheck`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").path
        return base + "/crosscheck"
    }
}
