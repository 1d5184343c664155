import ArgumentParser
import CrosscheckKit
import Foundation

struct UsersRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a person and revoke their tokens.")

    @Argument(help: "The login name.")
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let opened = try StoreOptions.openForServer(store.path)
            guard try await opened.removePerson(named: name) else {
                throw CrosscheckError(.invalidArgument, "there is no one called \(name); see crosscheck users list")
            }
            let now = ISO8601DateFormatter().string(from: Date())
            try await opened.append(AuditEntry(at: now, actor: "cli", action: "person.remove", subject: "person:\(name)"))
            print("removed \(name); their tokens no longer work")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
