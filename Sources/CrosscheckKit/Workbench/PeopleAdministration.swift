public import Foundation

/// Adding and removing people and issuing and revoking their tokens, with an audit entry for each
/// change: the rules `crosscheck users` and the server's admin routes share.
public struct PeopleAdministration: Sendable {
    public typealias Store = PeopleStore & ReviewStore

    public let store: any Store
    /// Who makes the changes (a person's name, or `cli`).
    public let actor: String

    public init(store: any Store, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 12

    /// Adds `name` with `role`, and a password when given.
    /// - Throws: `invalidArgument` for a bad name, a short password or a name already taken.
    @discardableResult
    public func add(name: String, role: Role, password: String?) async throws -> Person {
        guard Person.isValidName(name) else {
            throw CrosscheckError(.invalidArgument, "\(name) is not a login name; use 1 to 64 letters, digits, dots, dashes or underscores")
        }
        var hash: String?
        if let password {
            guard password.count >= Self.minimumPasswordLength else {
                throw CrosscheckError(
                    .invalidArgument, "the password is shorter than \(Self.minimumPasswordLength) characters; choose a longer one")
            }
            hash = try PasswordHash.make(password)
        }
        let now = Self.now()
        let person = Person(name: name, role: role, added: now, passwordHash: hash)
        try await store.add(person)
        try await store.append(AuditEntry(at: now, actor: actor, action: "person.add", subject: "person:\(name)", after: role.rawValue))
        return person
    }

    /// Removes `name` and revokes their tokens; returns whether they existed.
    public func remove(name: String) async throws -> Bool {
        guard try await store.removePerson(named: name) else { return false }
        try await store.append(AuditEntry(at: Self.now(), actor: actor, action: "person.remove", subject: "person:\(name)"))
        return true
    }

    /// Issues a token for `name`, limited to `role` when given; answers the token (shown once: only
    /// its hash is kept) and what was stored.
    /// - Throws: `invalidArgument` when there is no such person or `role` is above theirs.
    public func issueToken(for name: String, role: Role? = nil) async throws -> (token: String, stored: APIToken) {
        guard let person = try await store.person(named: name) else {
            throw CrosscheckError(.invalidArgument, "there is no one called \(name); add them first")
        }
        let scope = role ?? person.role
        guard scope <= person.role else {
            throw CrosscheckError(.invalidArgument, "\(name) is \(person.role.rawValue); a token cannot have more (\(scope.rawValue))")
        }
        let made = TokenSecret.make()
        let now = Self.now()
        let stored = APIToken(id: made.id, person: name, role: scope, created: now)
        try await store.add(stored, hash: TokenSecret.hash(made.token))
        try await store.append(
            AuditEntry(at: now, actor: actor, action: "token.issue", subject: "person:\(name)", detail: made.id, after: scope.rawValue))
        return (made.token, stored)
    }

    /// Revokes the token `id`; returns whether it was live.
    public func revokeToken(id: String) async throws -> Bool {
        guard try await store.revokeToken(id: id) else { return false }
        try await store.append(AuditEntry(at: Self.now(), actor: actor, action: "token.revoke", subject: "token:\(id)"))
        return true
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
