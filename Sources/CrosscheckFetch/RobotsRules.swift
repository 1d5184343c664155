internal import CrosscheckKit
internal import Foundation

/// The rules of a robots.txt file that apply to one user agent.
public struct RobotsRules: Sendable, Hashable {
    var allow: [String] = []
    var disallow: [String] = []

    /// Rules that allow everything (no robots.txt, or one that could not be fetched).
    public static let allowAll = RobotsRules()

    /// Reads the groups for `agent` (falling back to `*`) from robots.txt text.
    public init(parsing text: String, agent: String = "crosscheck") {
        var groups: [(agents: [String], allow: [String], disallow: [String])] = []
        var current: (agents: [String], allow: [String], disallow: [String])?
        var lastWasAgent = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = String(line[..<colon]).trimmingASCII().lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingASCII()
            switch field {
            case "user-agent":
                if !lastWasAgent {
                    if let current { groups.append(current) }
                    current = ([], [], [])
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow":
                if !value.isEmpty { current?.allow.append(value) }
                lastWasAgent = false
            case "disallow":
                if !value.isEmpty { current?.disallow.append(value) }
                lastWasAgent = false
            default:
                lastWasAgent = false
            }
        }
        if let current { groups.append(current) }
        let lowerAgent = agent.lowercased()
        let group = groups.first { $0.agents.contains { $0 != "*" && lowerAgent.hasPrefix($0) } } ?? groups.first { $0.agents.contains("*") }
        allow = group?.allow ?? []
        disallow = group?.disallow ?? []
    }

    init() {}

    /// Whether `path` (with its query) may be fetched: the longest matching rule wins, allow on ties.
    public func allows(_ path: String) -> Bool {
        let path = path.isEmpty ? "/" : path
        let allowed = allow.filter { matches($0, path) }.map(\.count).max() ?? -1
        let disallowed = disallow.filter { matches($0, path) }.map(\.count).max() ?? -1
        return allowed >= disallowed
    }

    private func matches(_ rule: String, _ path: String) -> Bool {
        var pattern = rule
        let anchored = pattern.hasSuffix("$")
        if anchored { pattern.removeLast() }
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var index = path.startIndex
        for (position, piece) in pieces.enumerated() {
            if piece.isEmpty { continue }
            if position == 0 {
                guard path[index...].hasPrefix(piece) else { return false }
                index = path.index(index, offsetBy: piece.count)
            } else {
                guard let range = path.range(of: piece, range: index..<path.endIndex) else { return false }
                index = range.upperBound
            }
        }
        return !anchored || index == path.endIndex || pattern.hasSuffix("*")
    }
}
