import ArgumentParser
import CrosscheckKit
import Foundation

struct SourcesAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a source to poll (crosscheck refresh polls it; crosscheck watch keeps polling).")

    @Argument(help: "The feed, sitemap, page or ClaimReview URL.")
    var url: String

    @Option(help: "What the URL is: feed (RSS, Atom, JSON Feed), sitemap, page or claimreview.")
    var kind: SourceRecord.Kind = .feed

    @Option(help: "How often to poll: 30s, 15m, 1h, 1d.")
    var every: String = "15m"

    @Option(help: "A name for the source (default: the URL's host).")
    var name: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let seconds = Interval.seconds(every) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "--every \(every) is not an interval; write it like 15m, 1h or 1d"))
        }
        guard let canonical = URLCanonicalizer.canonical(url), let host = URLCanonicalizer.host(canonical) else {
            throw ExitCodes.fail(
                CrosscheckError(.invalidArgument, "\(url) is not an http(s) URL; give a full URL such as https://news.example/feed.xml"))
        }
        let opened = try store.open()
        let sourceName = name ?? host
        try await opened.save(SourceRecord(name: sourceName, url: url, kind: kind, every: seconds))
        print("added \(kind.rawValue) source \(sourceName) (\(url)), polled every \(every); run crosscheck refresh to fetch it now")
    }
}
