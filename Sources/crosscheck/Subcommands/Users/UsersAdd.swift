import ArgumentParser
import CrosscheckKit
import Foundation

struct UsersAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person with a role.")

    @Argument(help: "The login name (letters, digits, . - _).")
    var name: String

    @Option(help: "viewer, analyst, editor or admin.")
    var role: String = "analyst"

    @Flag(help: "Read a password from the first line of standard input (for signing in to the web pages; tokens need none).")
    var passwordStdin = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            guard let role = Role(rawValue: role.lowercased()) else {
                throw CrosscheckError(.invalidArgument, "--role \(role) is not a role; use viewer, analyst, editor or admin")
            }
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : nil
            let opened = try StoreOptions.openForServer(store.path)
            try await PeopleAdministration(store: opened, actor: "cli").add(name: name, role: role, password: password)
            print("added \(name) (\(role.rawValue)); make a token with crosscheck users token \(name)")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
