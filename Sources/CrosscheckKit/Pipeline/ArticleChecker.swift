public import Foundation
public import Logging

/// Runs the pipeline over one article input and assembles the ``Report``.
///
/// Each stage is a pure function of its input; the checker times them and records the facts a
/// report needs to be reproducible (engine version, input digest, timings).
public struct ArticleChecker: Sendable {
    /// How to check articles.
    public struct Configuration: Sendable {
        /// How to read input. The default detects the format and accepts up to 50 MB.
        public var reader: ArticleReader.Configuration
        /// The current time, injected so tests can fix it. The default is the system clock.
        public var now: @Sendable () -> Date
        /// The check-worthiness model; without one, claims are typed and sourced but not scored.
        public var checkworthiness: CheckworthinessModel?
        /// The attribution tagger; without one, quotations and speakers are found by rules.
        public var attribution: AttributionTagger?
        /// Earlier fact-checks to match claims against; `nil` skips matching.
        public var factCheckMatcher: ClaimMatcher?
        /// The comment screen; `nil` skips screening.
        public var commentScreener: CommentScreener?
        /// The language stage; `nil` skips it.
        public var languageAnalyzer: LanguageAnalyzer?

        public init(
            reader: ArticleReader.Configuration = .init(), now: @escaping @Sendable () -> Date = { Date() },
            checkworthiness: CheckworthinessModel? = nil
        ) {
            self.reader = reader
            self.now = now
            self.checkworthiness = checkworthiness
        }
    }

    public var configuration: Configuration
    public var logger: Logger

    public init(configuration: Configuration = .init(), logger: Logger = Logger(label: "crosscheck")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Reads `input` and runs every stage over it.
    /// - Throws: ``CrosscheckError`` when the input cannot be read as an article.
    public func check(_ input: ArticleInput) throws -> Report {
        var timings: [StageTiming] = []
        let clock = ContinuousClock()

        var start = clock.now
        let read = try ArticleReader(configuration: configuration.reader).read(input)
        timings.append(StageTiming(stage: "extract", milliseconds: Self.milliseconds(clock.now - start)))
        logger.debug(
            "article extracted",
            metadata: [
                "input.format": "\(read.format.rawValue)", "article.paragraphs": "\(read.article.paragraphs.count)",
                "article.comments": "\(read.article.comments.count)",
            ])

        start = clock.now
        let text = read.article.text
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceSegmenter().sentences(in: scalars)
        let words = Tokenizer().tokens(in: scalars, range: nil).count { $0.kind != .punctuation }
        timings.append(StageTiming(stage: "segment", milliseconds: Self.milliseconds(clock.now - start)))

        start = clock.now
        let claims = ClaimAnalyzer(model: configuration.checkworthiness, attribution: configuration.attribution).analyze(
            text: text, sentences: sentences, published: read.article.published)
        timings.append(StageTiming(stage: "claims", milliseconds: Self.milliseconds(clock.now - start)))

        var engine = EngineInfo()
        if let model = configuration.checkworthiness {
            engine.models["checkworthiness"] = model.version
            var claims = ["checkworthy": model.threshold]
            if let calibration = model.calibration {
                claims["calibration_slope"] = calibration.slope
                claims["calibration_intercept"] = calibration.intercept
                claims["shown_from_probability"] = ClaimCut.minimumProbability
            }
            engine.thresholds["claims"] = claims
        }
        if let tagger = configuration.attribution { engine.models["attribution"] = tagger.identity.recorded }
        var report = Report(
            engine: engine,
            generatedAt: ISO8601DateFormatter().string(from: configuration.now()),
            input: InputInfo(
                name: input.name, format: read.format, charset: read.charset.rawValue, bytes: input.data.count,
                digest: "sha256:" + Digests.sha256Hex(input.data)),
            article: ReportArticle(article: read.article, sentences: sentences, words: words),
            claims: claims.claims,
            timings: timings
        )
        report.summary = claims.summary
        report.quotations = claims.quotations

        if let analyzer = configuration.languageAnalyzer {
            start = clock.now
            report.language = analyzer.analyze(text: text, title: read.article.title, claims: claims.summary)
            if let model = analyzer.techniques {
                report.engine.models["techniques"] = model.version
                report.engine.thresholds["technique_display"] = analyzer.displayThresholds
                report.engine.thresholds["techniques"] = Dictionary(model.heads.map { ($0.name, $0.threshold) }, uniquingKeysWith: { a, _ in a })
            }
            if let tagger = analyzer.tagger { report.engine.models["techniques_tagger"] = tagger.identity.version }
            if let gate = analyzer.gate {
                report.engine.models["techniques_gate"] = gate.classifier.identity.version
                report.engine.thresholds["techniques_gate"] = ["technique": gate.threshold]
            }
            if let tokens = analyzer.tokens {
                report.engine.models["tokens"] = tokens.version
                report.engine.thresholds["tokens"] = Dictionary(tokens.heads.map { ($0.name, $0.threshold) }, uniquingKeysWith: { a, _ in a })
            }
            timings.append(StageTiming(stage: "language", milliseconds: Self.milliseconds(clock.now - start)))
            report.timings = timings
        }

        if let screener = configuration.commentScreener, !read.article.comments.isEmpty {
            start = clock.now
            let screened = screener.screen(read.article.comments, article: read.article)
            report.comments = screened.comments
            report.commentSummary = screened.summary
            if let spam = screener.spam { report.engine.models["spam"] = spam.version }
            if let machine = screener.machine { report.engine.models["machine"] = machine.version }
            if screened.method == "meaning", let encoder = screener.encoder { report.engine.models["encoder"] = encoder.identity.recorded }
            var thresholds = screener.thresholds.recorded
            if let spam = screener.spam { thresholds["spam"] = spam.threshold }
            if let machine = screener.machine { thresholds["machine"] = machine.threshold }
            if screened.method == "meaning", let topic = screener.topic { report.engine.models["topic"] = topic.classifier.identity.version }
            report.engine.thresholds["comments"] = thresholds
            timings.append(StageTiming(stage: "comments", milliseconds: Self.milliseconds(clock.now - start)))
            report.timings = timings
        }

        if let matcher = configuration.factCheckMatcher {
            start = clock.now
            let published = read.article.published.flatMap(DateNormalizer.date)
            for index in report.claims.indices where report.claims[index].checkworthy || report.claims[index].quote != nil {
                report.claims[index].factcheckMatches = matcher.match(report.claims[index].text, date: published, limit: 3).map { match in
                    ReportClaim.FactcheckMatch(
                        id: match.factCheck.id, claim: match.factCheck.claim, rating: match.factCheck.rating, url: match.factCheck.url,
                        score: match.score, strong: match.strong)
                }
            }
            if let reranker = matcher.reranker { report.engine.models["match"] = reranker.version }
            if matcher.encoder != nil { report.engine.models["encoder"] = matcher.encoder?.identity.recorded }
            report.engine.thresholds["factchecks"] = [
                "suggest": matcher.configuration.suggestThreshold, "strong": matcher.configuration.strongThreshold,
            ]
            timings.append(StageTiming(stage: "factchecks", milliseconds: Self.milliseconds(clock.now - start)))
            report.timings = timings
        }
        return report
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15 * 1).rounded(toPlaces: 3)
    }
}

extension Double {
    /// The value rounded to `places` decimal places.
    public func rounded(toPlaces places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (self * factor).rounded() / factor
    }
}
