public import Foundation

/// Canonical forms of URLs, so the same page is recognised under different links: lower-case scheme
/// and host, no default port, no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`, ...),
/// sorted query, no trailing slash on paths.
public enum URLCanonicalizer {
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "ref_url", "cmpid",
        "ncid", "ocid", "smid", "smtyp", "cid", "sr_share", "share", "soc_src", "soc_trk", "spm", "_ga", "yclid",
        "mkt_tok", "at_medium", "at_campaign", "taid", "guccounter", "output",
    ]

    /// The canonical form of `link`, resolved against `base` when it is relative; `nil` when it is
    /// not an http(s) URL.
    public static func canonical(_ link: String, base: String? = nil) -> String? {
        let trimmed = link.trimmingASCII()
        guard !trimmed.isEmpty else { return nil }
        let resolved: URL?
        if let base, let baseURL = URL(string: base) {
            resolved = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL
        } else {
            resolved = URL(string: trimmed)
        }
        guard let url = resolved, var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = components.host,
            !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) { components.port = nil }
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        components.percentEncodedPath = path
        return components.string
    }

    /// The host of a URL, lower-cased.
    public static func host(_ link: String) -> String? {
        URL(string: link)?.host?.lowercased()
    }
}
