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
            guard try await PeopleAdministration(store: opened, actor: "cli").remove(name: name) else {
                throw CrosscheckError(.invalidArgument, "there is no one called \(name); see crosscheck users list")
            }
            print("removed \(name); their tokens no longer work")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
