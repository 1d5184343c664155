internal import Foundation

/// Small helpers for URLs as they appear in pages.
public enum URLText {
    /// `reference` resolved against `base`; `reference` unchanged when either is not a URL.
    public static func resolve(_ reference: String?, against base: String?) -> String? {
        guard let reference, !reference.isEmpty else { return nil }
        if reference.hasPrefix("http://") || reference.hasPrefix("https://") { return reference }
        guard let base, let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL)
        else { return reference }
        return url.absoluteString
    }
}
