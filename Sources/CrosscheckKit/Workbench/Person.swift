/// Someone who works in the workbench.
public struct Person: Sendable, Hashable, Codable {
    /// The login name, unique.
    public var name: String
    public var role: Role
    /// When they were added (ISO 8601).
    public var added: String
    /// Their password's hash (``PasswordHash``), when they have a password; API tokens work without one.
    public var passwordHash: String?

    public init(name: String, role: Role, added: String, passwordHash: String? = nil) {
        self.name = name
        self.role = role
        self.added = added
        self.passwordHash = passwordHash
    }

    /// Whether `name` can be a login name: 1 to 64 letters, digits, dots, dashes or underscores.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }
    }
}

/// An API token as stored: never the token itself, only its hash.
public struct APIToken: Sendable, Hashable, Codable {
    /// A short public id, to list and revoke it by.
    public var id: String
    public var person: String
    /// What the token may do: at most its person's role.
    public var role: Role
    public var created: String
    public var revoked: Bool

    public init(id: String, person: String, role: Role, created: String, revoked: Bool = false) {
        self.id = id
        self.person = person
        self.role = role
        self.created = created
        self.revoked = revoked
    }
}
