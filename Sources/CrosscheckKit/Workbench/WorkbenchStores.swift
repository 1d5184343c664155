/// Where the people of the workbench and their API tokens are kept.
public protocol PeopleStore: Sendable {
    /// Adds a person; fails with `invalidArgument` when the name is taken.
    func add(_ person: Person) async throws
    func person(named name: String) async throws -> Person?
    /// Everyone, by name.
    func people() async throws -> [Person]
    /// Removes a person and revokes their tokens; returns whether they existed.
    func removePerson(named name: String) async throws -> Bool
    /// Stores a new token by its hash.
    func add(_ token: APIToken, hash: String) async throws
    /// The live (not revoked) token with this id and hash, when there is one.
    func token(id: String, hash: String) async throws -> APIToken?
    /// A person's tokens, revoked ones included.
    func tokens(of person: String) async throws -> [APIToken]
    /// Revokes a token; returns whether it was live.
    func revokeToken(id: String) async throws -> Bool
}

/// Where reviews and the audit log are kept. The audit log is append-only: entries are added,
/// never changed or removed.
public protocol ReviewStore: Sendable {
    /// Records `review` and its audit entry in one transaction; returns the review with its id.
    func record(_ review: Review) async throws -> Review
    /// A job's reviews, oldest first.
    func reviews(ofJob job: String) async throws -> [Review]
    /// Appends an entry; returns it with its id.
    @discardableResult
    func append(_ entry: AuditEntry) async throws -> AuditEntry
    /// Entries oldest first, optionally only those about `subject` or by `actor`.
    func auditLog(subject: String?, actor: String?, limit: Int) async throws -> [AuditEntry]
}

extension Review {
    /// The audit entry that records this review.
    public var auditEntry: AuditEntry {
        AuditEntry(
            at: at, actor: reviewer, action: "review." + action.rawValue, subject: job, detail: target.text, before: before, after: after,
            note: note)
    }
}
