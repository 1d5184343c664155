/// What a person may do in the workbench, each role including the ones below it.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Reads articles, reports, reviews and the audit log.
    case viewer
    /// Also submits articles and reviews findings.
    case analyst
    /// Also publishes reviewed findings.
    case editor
    /// Also manages people and settings.
    case admin

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
