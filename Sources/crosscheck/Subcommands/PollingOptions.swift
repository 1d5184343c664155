import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation
import Logging

/// Options for polling.
struct PollingOptions: ParsableArguments {
    @Option(help: "Seconds between two requests to the same host.")
    var politeness: Double = 1

    @Option(help: "Seconds to wait for each request.")
    var timeout: Double = 20

    @Option(help: "Largest response accepted, e.g. 10MB.")
    var maxSize: String = "10MB"

    @Option(help: "Items followed per source and poll.")
    var maxItems: Int = 50

    func poller(store: any EvidenceStore) throws -> SourcePoller {
        guard let bytes = ByteCount.parse(maxSize) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "--max-size \(maxSize) is not a size; write it like 10MB"))
        }
        let fetcher = HTTPFetcher(configuration: .init(timeout: timeout, maxBytes: bytes))
        return SourcePoller(store: store, fetcher: fetcher, configuration: .init(politeness: politeness, maxItems: maxItems))
    }
}
