import CrosscheckFetch
public import CrosscheckKit
import Foundation
public import Hummingbird
public import Logging
public import Prometheus
public import ServiceLifecycle

/// The newsroom server: the JSON API and the review pages over one store and one engine, and the services beside it
/// (the analysis runner, and the feed poller when asked).
public enum CrosscheckServer {
    /// Where the server keeps everything: evidence, fact-checks, sources and the job queue.
    public typealias Store = EvidenceStore & JobStore & PeopleStore & ReviewStore

    /// The routes.
    /// - Parameter screener: the comment screen the comment hook answers with; `nil` turns the hook off.
    public static func router(
        store: any Store, configuration: ServerConfiguration, wakeups: Wakeups, metrics: PrometheusCollectorRegistry? = nil,
        screener: CommentScreener? = nil
    ) -> Router<WorkbenchContext> {
        let router = Router(context: WorkbenchContext.self)
        router.middlewares.add(LogRequestsMiddleware(.debug))
        router.middlewares.add(SecurityHeadersMiddleware())
        if let metrics {
            router.middlewares.add(MetricsMiddleware())
            MetricsRoutes(registry: metrics).add(to: router)
        }
        router.middlewares.add(ProblemMiddleware())
        router.middlewares.add(PageProblemMiddleware())
        let sessions = SessionBook()
        // A form's body is read to find its CSRF token; the article form is the largest.
        router.middlewares.add(TokenAuthenticator(people: store, sessions: sessions, maxFormBytes: 3 * configuration.maxInputBytes + 64 * 1024))
        // Again inside, so a page's error page knows who is signed in (the outer one catches sign-in errors).
        router.middlewares.add(PageProblemMiddleware())
        SessionRoutes(people: store, sessions: sessions, secureCookies: configuration.secureCookies).add(to: router)
        HealthRoutes(store: store).add(to: router)
        JobRoutes(jobs: store, wakeups: wakeups, maxInputBytes: configuration.maxInputBytes).add(to: router)
        ReviewRoutes(jobs: store, reviews: store).add(to: router)
        let claimReviews = ClaimReviewDesk(store: store, configuration: configuration)
        ClaimReviewRoutes(desk: claimReviews).add(to: router)
        PeopleRoutes(people: store).add(to: router)
        SourceRoutes(store: store).add(to: router)
        FactCheckRoutes(store: store, maxInputBytes: configuration.maxInputBytes).add(to: router)
        // The review pages.
        Stylesheet.add(to: router)
        SignInPage(people: store, sessions: sessions, secureCookies: configuration.secureCookies).add(to: router)
        QueuePage(store: store, wakeups: wakeups, maxInputBytes: configuration.maxInputBytes).add(to: router)
        ArticlePage(store: store).add(to: router)
        CommentsPage(store: store).add(to: router)
        ClaimReviewPage(desk: claimReviews).add(to: router)
        SourcesPage(store: store).add(to: router)
        AuditPage(store: store).add(to: router)
        // The reader's side.
        let reader = configuration.reader
        let desk = ReaderDesk(store: store, configuration: configuration, wakeups: wakeups)
        let audio = reader.audioDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-audio")
        ReaderRoutes(desk: desk, speech: SpeechCache(directory: audio), limiter: RateLimiter(perMinute: reader.requestsPerMinute)).add(to: router)
        let hook = screener.map { CommentHook(store: store, screener: $0) }
        HookRoutes(hook: hook, secret: reader.hookSecret).add(to: router)
        if let demo = reader.demoDirectory {
            DemoRoutes(directory: demo, hook: hook, limiter: RateLimiter(perMinute: reader.requestsPerMinute)).add(to: router)
        }
        return router
    }

    /// The application: the routes, listening where `configuration` says, with the analysis runner
    /// (unless workers elsewhere run the jobs) and `extraServices` (such as the feed poller) in its service group, so SIGTERM stops all of
    /// them gracefully.
    /// - Parameter metrics: where request and job metrics are collected (the process's swift-metrics
    ///   backend must write to it); `nil` serves no `/metrics`.
    public static func application(
        store: any Store, engine: Engine, configuration: ServerConfiguration, extraServices: [any Service] = [],
        metrics: PrometheusCollectorRegistry? = nil, logger: Logger
    ) -> some ApplicationProtocol {
        let wakeups = Wakeups()
        let runner = AnalysisRunner(
            jobs: store, analysis: ArticleAnalysis(engine: engine, factChecks: store, evidence: store), concurrency: configuration.concurrency,
            wakeups: wakeups, logger: logger)
        return Application(
            router: router(
                store: store, configuration: configuration, wakeups: wakeups, metrics: metrics, screener: hookScreener(engine, logger: logger)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "crosscheck"),
            services: (configuration.runsJobs ? [runner] : []) + extraServices, logger: logger)
    }

    /// The comment screen for the hook: the engine's, with an encoder that remembers the thread's
    /// embeddings, so each new comment costs one encoding.
    static func hookScreener(_ engine: Engine, logger: Logger) -> CommentScreener? {
        do {
            var encoder = try engine.encoder()
            encoder?.memo = EmbeddingMemo()
            return try CommentScreener.standard(encoder: encoder, from: engine.models)
        } catch {
            logger.error("the comment hook is off: its models cannot be loaded", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Runs the application until SIGTERM or SIGINT, then stops its services gracefully.
    public static func run(
        store: any Store, engine: Engine, configuration: ServerConfiguration, extraServices: [any Service] = [],
        metrics: PrometheusCollectorRegistry? = nil, logger: Logger
    ) async throws {
        try await application(
            store: store, engine: engine, configuration: configuration, extraServices: extraServices, metrics: metrics, logger: logger
        ).runService()
    }
}
