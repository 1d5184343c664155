/// People, tokens, reviews and the audit log in memory: for tests.
public actor MemoryWorkbenchStore: PeopleStore, ReviewStore {
    private var peopleByName: [String: Person] = [:]
    private var tokensByID: [String: (token: APIToken, hash: String)] = [:]
    private var reviewList: [Review] = []
    private var entries: [AuditEntry] = []

    public init() {}

    public func add(_ person: Person) async throws {
        guard peopleByName[person.name] == nil else {
            throw CrosscheckError(.invalidArgument, "there is already someone called \(person.name); choose another name")
        }
        peopleByName[person.name] = person
    }

    public func person(named name: String) async throws -> Person? { peopleByName[name] }

    public func people() async throws -> [Person] { peopleByName.values.sorted { $0.name < $1.name } }

    public func removePerson(named name: String) async throws -> Bool {
        for (id, entry) in tokensByID where entry.token.person == name { tokensByID[id]?.token.revoked = true }
        return peopleByName.removeValue(forKey: name) != nil
    }

    public func add(_ token: APIToken, hash: String) async throws { tokensByID[token.id] = (token, hash) }

    public func token(id: String, hash: String) async throws -> APIToken? {
        guard let entry = tokensByID[id], entry.hash == hash, !entry.token.revoked else { return nil }
        return entry.token
    }

    public func tokens(of person: String) async throws -> [APIToken] {
        tokensByID.values.map(\.token).filter { $0.person == person }.sorted { $0.created < $1.created }
    }

    public func revokeToken(id: String) async throws -> Bool {
        guard let entry = tokensByID[id], !entry.token.revoked else { return false }
        tokensByID[id]?.token.revoked = true
        return true
    }

    public func record(_ review: Review) async throws -> Review {
        var review = review
        review.id = Int64(reviewList.count + 1)
        reviewList.append(review)
        try await append(review.auditEntry)
        return review
    }

    public func reviews(ofJob job: String) async throws -> [Review] { reviewList.filter { $0.job == job } }

    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditEntry {
        var entry = entry
        entry.id = Int64(entries.count + 1)
        entries.append(entry)
        return entry
    }

    public func auditLog(subject: String?, actor: String?, limit: Int) async throws -> [AuditEntry] {
        Array(entries.filter { (subject == nil || $0.subject == subject) && (actor == nil || $0.actor == actor) }.prefix(limit))
    }
}
