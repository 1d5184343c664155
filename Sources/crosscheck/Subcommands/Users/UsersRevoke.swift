import ArgumentParser
import CrosscheckKit
import Foundation

struct UsersRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API token by its id (see crosscheck users list).")

    @Argument(help: "The token's id (the part after cc_).")
    var id: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let opened = try StoreOptions.openForServer(store.path)
            guard try await PeopleAdministration(store: opened, actor: "cli").revokeToken(id: id) else {
                throw CrosscheckError(.invalidArgument, "there is no live token \(id); see crosscheck users list")
            }
            print("revoked \(id)")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
