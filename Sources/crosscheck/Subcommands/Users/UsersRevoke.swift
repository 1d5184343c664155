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
            guard try await opened.revokeToken(id: id) else {
                throw CrosscheckError(.invalidArgument, "there is no live token \(id); see crosscheck users list")
            }
            let now = ISO8601DateFormatter().string(from: Date())
            try await opened.append(AuditEntry(at: now, actor: "cli", action: "token.revoke", subject: "token:\(id)"))
            print("revoked \(id)")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
