/// Which model produced a result: its name, version, checksum and the settings that shape its
/// output, as recorded in reports.
public struct ModelIdentity: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    /// SHA-256 of the weights file as shipped, when recorded beside it.
    public var sha256: String?
    public var details: [String: String]

    /// One line for reports: name, version and the start of the checksum.
    public var recorded: String {
        "\(name) \(version)" + (details["storage"].map { " \($0)" } ?? "") + (sha256.map { " sha256:\($0)" } ?? "")
    }

    public init(name: String, version: String, sha256: String? = nil, details: [String: String] = [:]) {
        self.name = name
        self.version = version
        self.sha256 = sha256
        self.details = details
    }
}
