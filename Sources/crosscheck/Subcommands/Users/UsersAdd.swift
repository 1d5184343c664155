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
            guard Person.isValidName(name) else {
                throw CrosscheckError(.invalidArgument, "\(name) is not a login name; use 1 to 64 letters, digits, dots, dashes or underscores")
            }
            guard let role = Role(rawValue: role.lowercased()) else {
                throw CrosscheckError(.invalidArgument, "--role \(role) is not a role; use viewer, analyst, editor or admin")
            }
            var hash: String?
            if passwordStdin {
                let password = (readLine(strippingNewline: true) ?? "")
                guard password.count >= 12 else {
                    throw CrosscheckError(.invalidArgument, "the password is shorter than 12 characters; choose a longer one")
                }
                hash = try PasswordHash.make(password)
            }
            let opened = try StoreOptions.openForServer(store.path)
            let now = ISO8601DateFormatter().string(from: Date())
            try await opened.add(Person(name: name, role: role, added: now, passwordHash: hash))
            try await opened.append(AuditEntry(at: now, actor: "cli", action: "person.add", subject: "person:\(name)", after: role.rawValue))
            print("added \(name) (\(role.rawValue)); make a token with crosscheck users token \(name)")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
