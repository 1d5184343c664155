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
            let scope = try role.map { role in
                guard let asked = Role(rawValue: role.lowercased()) else {
                    throw CrosscheckError(.invalidArgument, "--role \(role) is not a role; use viewer, analyst, editor or admin")
                }
                return asked
            }
            let issued = try await PeopleAdministration(store: opened, actor: "cli").issueToken(for: name, role: scope)
            print(issued.token)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
