import ArgumentParser
import CrosscheckKit
import Foundation

struct SourcesRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop polling a source (its documents stay).")

    @Argument(help: "The source's name, as crosscheck sources list shows it.")
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard try await store.open().removeSource(named: name) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "no source named \(name); crosscheck sources list shows the names"))
        }
        print("removed \(name)")
    }
}
