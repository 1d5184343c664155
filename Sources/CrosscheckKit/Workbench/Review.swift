/// A person's decision on one finding of a report: confirm it, or override it with another value,
/// always with a note.
public struct Review: Sendable, Hashable, Codable {
    /// What is reviewed.
    public enum Target: Sendable, Hashable, Codable {
        /// A claim's verdict (`supported`, `refuted`, `mixed`, `not_enough_info`).
        case verdict(claim: Int)
        /// Whether a claim is worth checking (`true` or `false`).
        case checkworthiness(claim: Int)
        /// Whether a comment is inauthentic (`true` or `false`).
        case comment(id: String)

        /// The values an override may set.
        public var allowedValues: Set<String> {
            switch self {
            case .verdict: return ["supported", "refuted", "mixed", "not_enough_info"]
            case .checkworthiness, .comment: return ["true", "false"]
            }
        }

        /// The target as the API and the audit log write it: `claim:3:verdict`, `claim:3:checkworthy`, `comment:c2`.
        public var text: String {
            switch self {
            case .verdict(let claim): return "claim:\(claim):verdict"
            case .checkworthiness(let claim): return "claim:\(claim):checkworthy"
            case .comment(let id): return "comment:\(id)"
            }
        }

        /// The target written as ``text``, when it is one.
        public init?(text: String) {
            let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
            switch (parts.first, parts.count) {
            case ("claim", 3):
                guard let claim = Int(parts[1]), claim >= 0 else { return nil }
                switch parts[2] {
                case "verdict": self = .verdict(claim: claim)
                case "checkworthy": self = .checkworthiness(claim: claim)
                default: return nil
                }
            case ("comment", 2) where !parts[1].isEmpty: self = .comment(id: parts[1])
            default: return nil
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let target = Target(text: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a review target: \(text)"))
            }
            self = target
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }

    public enum Action: String, Sendable, Hashable, Codable {
        case confirm, override
    }

    public var id: Int64
    /// The job whose report is reviewed.
    public var job: String
    public var target: Target
    public var action: Action
    /// The engine's value before, and the value after (the same for a confirmation).
    public var before: String
    public var after: String
    public var note: String
    public var reviewer: String
    /// When (ISO 8601).
    public var at: String

    public init(
        id: Int64, job: String, target: Target, action: Action, before: String, after: String, note: String, reviewer: String, at: String
    ) {
        self.id = id
        self.job = job
        self.target = target
        self.action = action
        self.before = before
        self.after = after
        self.note = note
        self.reviewer = reviewer
        self.at = at
    }
}

/// One change, as the audit log keeps it: who, when, what, before → after, and why.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: String
    /// Who made the change (a person's name, or `cli` for the command line).
    public var actor: String
    /// What kind of change: `review.confirm`, `review.override`, `person.add`, `token.issue`, …
    public var action: String
    /// What it changed: a job id, or `person:NAME`.
    public var subject: String
    /// The detail within the subject (a review target), when there is one.
    public var detail: String?
    public var before: String?
    public var after: String?
    public var note: String?

    public init(
        id: Int64 = 0, at: String, actor: String, action: String, subject: String, detail: String? = nil, before: String? = nil,
        after: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.before = before
        self.after = after
        self.note = note
    }
}
