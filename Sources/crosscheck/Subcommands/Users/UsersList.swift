import ArgumentParser
import CrosscheckKit

struct UsersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, their roles and their live tokens.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let opened = try StoreOptions.openForServer(store.path)
            for person in try await opened.people() {
                let live = try await opened.tokens(of: person.name).filter { !$0.revoked }
                let tokens = live.map { "\($0.id) (\($0.role.rawValue))" }.joined(separator: ", ")
                print("\(person.name)\t\(person.role.rawValue)\tadded \(person.added)\ttokens: \(tokens.isEmpty ? "none" : tokens)")
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
