public import CrosscheckKit
public import Foundation
public import Logging

/// Polls the store's sources once: feeds, sitemaps, single pages and ClaimReview pages.
///
/// Conditional GET (ETag, Last-Modified) makes an unchanged feed cost one 304. Requests to one
/// host are spaced by a politeness delay and run one at a time; robots.txt is honoured; a failing
/// source backs off exponentially (its interval doubled per failure, at most a day) and never stops
/// the others. Feed items are followed to their pages, whose text replaces the feed's excerpt.
public struct SourcePoller: Sendable {
    /// How polling behaves.
    public struct Configuration: Sendable {
        /// Seconds between two requests to the same host. The default is 1.
        public var politeness: Double
        /// Items followed per source and poll. The default is 50.
        public var maxItems: Int
        /// Whether to follow items to their pages. The default is `true`.
        public var followLinks: Bool
        /// The current time. The default is the system clock.
        public var now: @Sendable () -> Date
        /// Who polls, as other pollers of a shared store see it. The default names this process.
        public var worker: String
        /// How long a due source's poll is held for this poller before another may take it. The
        /// default is 10 minutes.
        public var pollLease: Duration

        public init(
            politeness: Double = 1, maxItems: Int = 50, followLinks: Bool = true, now: @escaping @Sendable () -> Date = { Date() },
            worker: String = WorkerName.thisProcess, pollLease: Duration = .seconds(600)
        ) {
            self.politeness = politeness
            self.maxItems = maxItems
            self.followLinks = followLinks
            self.now = now
            self.worker = worker
            self.pollLease = pollLease
        }
    }

    /// What one source's poll did.
    public struct Report: Sendable, Hashable {
        public enum Outcome: Sendable, Hashable {
            case notModified
            case updated(added: Int, duplicates: Int, skipped: Int)
            case failed(String)
            case notDue
        }

        public var source: String
        public var outcome: Outcome
        /// Requests made for this source (feed, robots.txt, pages).
        public var requests: Int
    }

    public let store: any EvidenceStore
    public let fetcher: HTTPFetcher
    public var configuration: Configuration
    public var logger: Logger
    private let gate: HostGate

    public init(
        store: any EvidenceStore, fetcher: HTTPFetcher, configuration: Configuration = .init(), logger: Logger = Logger(label: "crosscheck.poller")
    ) {
        self.store = store
        self.fetcher = fetcher
        self.configuration = configuration
        self.logger = logger
        self.gate = HostGate(delay: .milliseconds(Int(configuration.politeness * 1000)))
    }

    /// Polls every source that is due (or every source, with `force`), different hosts in parallel.
    /// A due source is polled only when this poller takes its poll: another poller of the same
    /// store may hold it, and then it is reported not due here.
    public func refresh(force: Bool = false, only names: Set<String>? = nil) async throws -> [Report] {
        let now = configuration.now()
        let sources = try await store.sources().filter { names?.contains($0.name) ?? true }
        let byHost = Dictionary(grouping: sources) { URLCanonicalizer.host($0.url) ?? $0.url }
        return await withTaskGroup(of: [Report].self) { group in
            for (_, hostSources) in byHost.sorted(by: { $0.key < $1.key }) {
                group.addTask {
                    var reports: [Report] = []
                    for source in hostSources {
                        if force {
                            reports.append(await poll(source))
                            continue
                        }
                        let claimed: SourceRecord?
                        do {
                            claimed = try await store.claimPoll(
                                of: source.name, worker: configuration.worker, lease: configuration.pollLease, now: now)
                        } catch {
                            let message = (error as? CrosscheckError)?.message ?? "\(error)"
                            reports.append(Report(source: source.name, outcome: .failed("its poll could not be taken: " + message), requests: 0))
                            continue
                        }
                        guard let claimed else {
                            reports.append(Report(source: source.name, outcome: .notDue, requests: 0))
                            continue
                        }
                        reports.append(await poll(claimed))
                    }
                    return reports
                }
            }
            var all: [Report] = []
            for await reports in group { all += reports }
            return all.sorted { $0.source < $1.source }
        }
    }

    /// When the next source is due, if any.
    public func nextDue() async throws -> Date? {
        try await store.sources().compactMap { $0.nextPoll.flatMap(DateNormalizer.date) }.min()
    }

    /// Polls one source and saves its new state.
    public func poll(_ source: SourceRecord) async -> Report {
        var record = source
        var requests = 0
        let stamp = ISO8601DateFormatter().string(from: configuration.now())
        do {
            var headers: [String: String] = [:]
            if let etag = source.etag { headers["If-None-Match"] = etag }
            if let modified = source.lastModified { headers["If-Modified-Since"] = modified }
            requests += 1
            let response = try await politeFetch(source.url, headers: headers, accept: [304])
            var outcome: Report.Outcome
            if response.status == 304 {
                outcome = .notModified
            } else {
                let counts = try await ingest(response, source: source, requests: &requests, stamp: stamp)
                outcome = .updated(added: counts.added, duplicates: counts.duplicates, skipped: counts.skipped)
                record.etag = response.headers["etag"]
                record.lastModified = response.headers["last-modified"]
            }
            record.failures = 0
            record.lastResult = Self.describe(outcome)
            record.nextPoll = ISO8601DateFormatter().string(from: configuration.now().addingTimeInterval(Double(source.every)))
            record.lastPolled = stamp
            try await store.save(record)
            logger.info("source polled", metadata: ["source.name": "\(source.name)", "poll.result": "\(record.lastResult ?? "")"])
            return Report(source: source.name, outcome: outcome, requests: requests)
        } catch {
            let message = (error as? CrosscheckError)?.message ?? "\(error)"
            record.failures += 1
            record.lastResult = "error: " + message
            record.lastPolled = stamp
            let backoff = min(Double(source.every) * pow(2, Double(record.failures)), 86_400)
            record.nextPoll = ISO8601DateFormatter().string(from: configuration.now().addingTimeInterval(backoff))
            logger.info("source failed", metadata: ["source.name": "\(source.name)", "source.failures": "\(record.failures)"])
            do {
                try await store.save(record)
            } catch let saveError {
                // The poll failed and so did recording it: say both, so the next poll's timing is not a surprise.
                logger.error("source state not saved", metadata: ["source.name": "\(source.name)", "error": "\(saveError)"])
                let saved = (saveError as? CrosscheckError)?.message ?? "\(saveError)"
                return Report(source: source.name, outcome: .failed(message + "; its polling state was not saved: " + saved), requests: requests)
            }
            return Report(source: source.name, outcome: .failed(message), requests: requests)
        }
    }

    /// A few words on what a poll did.
    public static func describe(_ outcome: Report.Outcome) -> String {
        switch outcome {
        case .notModified: return "not modified"
        case .notDue: return "not due"
        case .failed(let message): return "error: " + message
        case .updated(let added, let duplicates, let skipped):
            return "ok: \(added) new, \(duplicates) duplicate" + (skipped > 0 ? ", \(skipped) skipped" : "")
        }
    }

    private func ingest(_ response: HTTPFetcher.Response, source: SourceRecord, requests: inout Int, stamp: String) async throws
        -> (added: Int, duplicates: Int, skipped: Int)
    {
        let converter = DocumentConverter(source: source.name, retrieved: stamp)
        switch source.kind {
        case .claimreview:
            let checks = try FactCheckReader().read(response.body, name: source.url).factChecks
            return (try await store.add(checks), checks.count, 0)
        case .page:
            let input = ArticleInput(data: response.body, name: response.url, url: response.url, contentType: response.contentType)
            let article = try ArticleReader().read(input).article
            var document = converter.article(from: article, name: response.url).documents
            if document.isEmpty { return (0, 0, 1) }
            document[0].url = URLCanonicalizer.canonical(article.url ?? response.url) ?? response.url
            return count(try await store.add(document))
        case .feed, .sitemap:
            var feed = try FeedParser().parse(response.body, base: response.url)
            if feed.format == .sitemapIndex {
                var items: [FeedItem] = []
                for child in feed.items.prefix(5) {
                    guard let url = child.url else { continue }
                    requests += 1
                    let childResponse = try await politeFetch(url, headers: [:], accept: [])
                    items += try FeedParser().parse(childResponse.body, base: childResponse.url).items
                }
                feed = Feed(format: .sitemap, title: nil, items: items)
            }
            var added = 0
            var duplicates = 0
            var skipped = 0
            for item in feed.items.prefix(configuration.maxItems) {
                if let url = item.url, try await store.contains(url: url) {
                    duplicates += 1
                    continue
                }
                var document: EvidenceDocument?
                if configuration.followLinks, let url = item.url {
                    requests += 1
                    document = await page(url, item: item, converter: converter)
                }
                if document == nil, let text = item.text, text.roughWordCount >= 5 {
                    document = EvidenceDocument(
                        source: source.name, url: item.url, title: item.title, publisher: feed.title, published: item.published,
                        retrieved: stamp, text: text)
                }
                guard let document else {
                    skipped += 1
                    continue
                }
                switch try await store.add(document) {
                case .added: added += 1
                case .duplicate, .nearDuplicate: duplicates += 1
                }
            }
            return (added, duplicates, skipped)
        }
    }

    /// The article at `url`, or `nil` when robots.txt forbids it or it cannot be read.
    private func page(_ url: String, item: FeedItem, converter: DocumentConverter) async -> EvidenceDocument? {
        do {
            let response = try await politeFetch(url, headers: [:], accept: [])
            let input = ArticleInput(data: response.body, name: url, url: response.url, contentType: response.contentType)
            let article = try ArticleReader().read(input).article
            return EvidenceDocument(
                source: converter.source, url: url, title: article.title ?? item.title, publisher: nil,
                published: article.published ?? item.published, retrieved: converter.retrieved, text: article.text)
        } catch {
            logger.debug("item page unreadable", metadata: ["item.host": "\(URLCanonicalizer.host(url) ?? "")"])
            return nil
        }
    }

    private func politeFetch(_ url: String, headers: [String: String], accept: Set<Int>) async throws -> HTTPFetcher.Response {
        guard let parsed = URL(string: url), let host = parsed.host?.lowercased() else {
            throw CrosscheckError(.invalidArgument, "\(url) is not a URL; fix the source with crosscheck sources add")
        }
        let key = host + ":" + String(parsed.port ?? 0)
        if await gate.rules(for: key) == nil {
            var rules = RobotsRules.allowAll
            let robotsURL = (parsed.scheme ?? "https") + "://" + host + (parsed.port.map { ":\($0)" } ?? "") + "/robots.txt"
            try await Task.sleep(for: await gate.reserve(key))
            if let response = try? await fetcher.fetch(robotsURL), response.status == 200 {
                rules = RobotsRules(parsing: String(decoding: response.body, as: UTF8.self))
            }
            await gate.setRules(rules, for: key)
        }
        let path = parsed.path.isEmpty ? "/" : parsed.path + (parsed.query.map { "?" + $0 } ?? "")
        guard await gate.rules(for: key)?.allows(path) ?? true else {
            throw CrosscheckError(.httpStatus, "robots.txt of \(host) does not allow \(path); remove the source or ask the site")
        }
        try await Task.sleep(for: await gate.reserve(key))
        return try await fetcher.fetch(url, headers: headers, acceptingStatus: accept)
    }

    private func count(_ outcomes: [AddOutcome]) -> (added: Int, duplicates: Int, skipped: Int) {
        var added = 0
        var duplicates = 0
        for outcome in outcomes {
            if case .added = outcome { added += 1 } else { duplicates += 1 }
        }
        return (added, duplicates, 0)
    }
}
