import ArgumentParser
import CrosscheckKit
import Foundation

struct UsersToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make an API token for a person and print it once (only its hash is kept).")

    @Argument(help: "The login name.")
    var name: String

    @Option(help: "Limit the token to this role (default: the person's role).")
    var role: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let opened = try StoreOptions.openForServer(store.path)
            guard let person = try await opened.person(named: name) else {
                throw CrosscheckError(.invalidArgument, "there is no one called \(name); add them with crosscheck users add \(name) --role ROLE")
            }
            var scope = person.role
            if let role {
                guard let asked = Role(rawValue: role.lowercased()) else {
                    throw CrosscheckError(.invalidArgument, "--role \(role) is not a role; use viewer, analyst, editor or admin")
                }
                guard asked <= person.role else {
                    throw CrosscheckError(.invalidArgument, "\(name) is \(person.role.rawValue); a token cannot have more (\(asked.rawValue))")
                }
                scope = asked
            }
            let made = TokenSecret.make()
            let now = ISO8601DateFormatter().string(from: Date())
            try await opened.add(APIToken(id: made.id, person: name, role: scope, created: now), hash: TokenSecret.hash(made.token))
            try await opened.append(
                AuditEntry(at: now, actor: "cli", action: "token.issue", subject: "person:\(name)", detail: made.id, after: scope.rawValue))
            print(made.token)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
