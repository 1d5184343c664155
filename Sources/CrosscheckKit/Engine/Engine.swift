public import Foundation
public import Logging

/// The engine's models from one folder, each loaded at most once and then shared by every stage,
/// command, request and worker that holds this value.
///
/// Models load when first asked for, so a command that never verifies never reads the inference
/// model. When the sentence encoder cannot run (its files removed, or OpenBLAS absent) every
/// stage works by words and the engine says so once, in its log.
public final class Engine: @unchecked Sendable {
    /// Where the model files are.
    public let models: ModelDirectory
    let logger: Logger

    // Guarded by `lock`; recursive because a model that stands on the encoder loads it first.
    private let lock = NSRecursiveLock()
    private var loaded: [String: Result<any Sendable, any Error>] = [:]
    private var counts: [String: Int] = [:]
    private var lastMatcher: ClaimMatcher?

    /// An engine over the model files in `models`.
    public init(models: ModelDirectory, logger: Logger = Logger(label: "crosscheck.engine")) {
        self.models = models
        self.logger = logger
    }

    /// How many times each model was read from disk, by name (a model is read at most once).
    public var loadCounts: [String: Int] {
        lock.withLock { counts }
    }

    /// The value `name`, loading it with `load` the first time it is asked for. A failure is
    /// remembered too, so a damaged file is reported the same way each time and not read again.
    private func once<Value: Sendable>(_ name: String, _ load: () throws -> Value) throws -> Value {
        try lock.withLock {
            if let result = loaded[name] { return try result.get() as! Value }
            counts[name, default: 0] += 1
            let start = ContinuousClock.now
            let result = Result<any Sendable, any Error> { try load() }
            logger.debug(
                "model loaded", metadata: ["model": "\(name)", "models": "\(models)", "duration": "\(ContinuousClock.now - start)"])
            loaded[name] = result
            return try result.get() as! Value
        }
    }

    // MARK: Models

    /// The sentence encoder, or `nil` (said once in the log) when its files or OpenBLAS are absent.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when its files are present but damaged.
    public func encoder() throws -> SentenceEncoder? {
        try once("encoder") { () throws -> SentenceEncoder? in
            guard SentenceEncoder.runtimeAvailable else {
                logger.warning("OpenBLAS is not installed (Debian: apt-get install libopenblas0); texts are compared by words only")
                return nil
            }
            guard let encoder = try SentenceEncoder.bundled(from: models) else {
                logger.warning("the sentence encoder is not in \(models)/encoder; texts are compared by words only")
                return nil
            }
            return encoder
        }
    }

    /// The sentence encoder, for a job that cannot be done without it (`what` names the job).
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when it cannot run here.
    public func requiredEncoder(for what: String) throws -> SentenceEncoder {
        guard let encoder = try encoder() else {
            throw CrosscheckError(.modelMissing, "\(what) needs the sentence encoder; restore \(models)/encoder", adjustment: .modelDirectory)
        }
        return encoder
    }

    /// The check-worthiness model: the one that reads meaning when the encoder runs.
    public func checkworthiness() throws -> CheckworthinessModel {
        let encoder = try encoder()
        return try once("checkworthiness") { try CheckworthinessModel.bundled(encoder: encoder, from: models) }
    }

    /// The attribution tagger, or `nil` (quotations found by rules) when it cannot run here.
    public func attribution() throws -> AttributionTagger? {
        guard let encoder = try encoder() else { return nil }
        return try once("attribution") { try AttributionTagger.bundled(encoder: encoder, from: models) }
    }

    /// The tagger that marks persuasion techniques word by word, or `nil` when it cannot run here.
    public func techniqueTagger() throws -> TechniqueTagger? {
        guard let encoder = try encoder() else { return nil }
        return try once("techniques-tagger") { try TechniqueTagger.bundled(encoder: encoder, from: models) }
    }

    /// The classifier that decides which sentences use some technique, or `nil` when it cannot
    /// run here (no encoder, or its files removed).
    public func techniqueGate() throws -> TechniqueGate? {
        guard let encoder = try encoder() else { return nil }
        return try once("techniques-gate") { try TechniqueGate.bundled(encoder: encoder, from: models) }
    }

    /// The multi-head classifier of `kind` (`techniques`, `tokens`, `truthfulness`, `stance`).
    public func classifier(_ kind: String) throws -> MultiHeadClassifier {
        try once(kind) { try MultiHeadClassifier.bundled(kind, from: models) }
    }

    /// The spam or machine-text classifier (machine text reads meaning when the encoder runs).
    public func textClassifier(_ task: TextClassifier.Task) throws -> TextClassifier {
        let encoder = try encoder()
        return try once(task.rawValue) { try TextClassifier.bundled(task, encoder: encoder, from: models) }
    }

    /// The inference model that judges (claim, passage) pairs, or `nil` when it cannot run here.
    public func inference() throws -> InferenceModel? {
        guard let encoder = try encoder() else { return nil }
        return try once("stance-inference") { try InferenceModel.bundled(encoder: encoder, from: models) }
    }

    /// The model that ranks retrieved passages by relevance to a claim.
    public func relevance() throws -> RelevanceModel {
        try once("relevance") { try RelevanceModel.bundled(from: models) }
    }

    /// The re-ranker of fact-check matches.
    public func matchReranker() throws -> MatchReranker {
        try once("match") { try MatchReranker.bundled(from: models) }
    }

    // MARK: Stages

    /// The language stage: persuasion techniques and the token-level marks (no truthfulness estimate).
    public func languageAnalyzer() throws -> LanguageAnalyzer {
        LanguageAnalyzer(
            techniques: try classifier("techniques"), truthfulness: nil, tokens: try classifier("tokens"), tagger: try techniqueTagger(),
            gate: try techniqueGate())
    }

    /// The comment screen: spam, machine text and, when the encoder runs, meaning.
    /// Built once: it embeds its prototype comments when the encoder runs. Machine style is judged
    /// by the regression of words alone: it is a weak cue there (never a flag's only reason), and
    /// the fine-tuned classifier would double a hooked comment's cost.
    public func commentScreener() throws -> CommentScreener {
        let machine = try once("machine-words") { try TextClassifier.bundled(.machine, from: models) }
        let (spam, encoder, topic) = (try textClassifier(.spam), try encoder(), try topicModel())
        return try once("comment-screen") { CommentScreener(spam: spam, machine: machine, encoder: encoder, topic: topic) }
    }

    /// The topic model that reads each comment with its article's lead, when the encoder runs here.
    public func topicModel() throws -> TopicModel? {
        guard let encoder = try encoder() else { return nil }
        return try once("topic") { try TopicModel.bundled(encoder: encoder, from: models) }
    }

    /// The claim verifier: the inference model when it runs here (else word cues), with the
    /// relevance model unless `relevance` is false.
    public func verifier(relevance: Bool = true) throws -> ClaimVerifier {
        ClaimVerifier(
            model: StanceModel(classifier: try classifier("stance")), inference: try inference(),
            relevance: relevance ? try self.relevance() : nil)
    }

    /// The verifier for `store`: ``verifier(relevance:)``, finding passages by meaning beside
    /// BM25 when the store has a dense index (``denseRetriever(for:)``).
    public func verifier(for store: any DocumentStore, relevance: Bool = true) async throws -> ClaimVerifier {
        var verifier = try self.verifier(relevance: relevance)
        verifier.dense = try await denseRetriever(for: store)
        return verifier
    }

    /// The static embedding distilled from the encoder (kept in the cache folder after the
    /// first distillation, which takes about a minute), or `nil` when the encoder cannot run here.
    public func staticEmbedding() throws -> StaticEmbedding? {
        guard let encoder = try encoder() else { return nil }
        return try once("static-embedding") {
            logger.debug("static embedding: reading it from the cache, or distilling it from the encoder")
            return StaticEmbedding(encoder: encoder)
        }
    }

    /// Builds stores' dense indexes, or `nil` when the encoder cannot run here.
    public func denseIndexing() throws -> DenseIndexing? {
        guard let encoder = try encoder() else { return nil }
        return DenseIndexing(encoder: encoder, distilled: { [self] in (try? staticEmbedding()) ?? StaticEmbedding(encoder: encoder) })
    }

    /// The store's dense index with the model it was made with (the encoder, or the static
    /// embedding distilled from it); `nil` when the store has none, or it cannot be used (then
    /// passages are found by words alone, and the log says why). Reopened when the file changes.
    public func denseRetriever(for store: any DocumentStore) async throws -> DenseRetriever? {
        guard let path = try await store.denseIndexPath(), let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let encoder = try encoder()
        else { return nil }
        let changed = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        do {
            return try once("dense:\(path):\(changed)") {
                let index = try DenseIndex(path: path)
                let embedder: DenseEmbedder =
                    index.model == encoder.identity.recorded
                    ? .transformer(encoder) : .distilled(try staticEmbedding() ?? StaticEmbedding(encoder: encoder))
                return try DenseRetriever(embedder: embedder, index: index)
            }
        } catch {
            logger.warning("the dense index cannot be used; passages are found by words alone", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Fact-checks embedded for one matcher when their embeddings are not stored yet; beyond this
    /// the matcher compares by words (embedding is about 80 fact-checks a second).
    public static let embeddedFactChecks = 500

    /// A matcher over `factChecks`, comparing meaning when there are at most `embedLimit` of them
    /// or their embeddings are stored (``storeFactCheckEmbeddings(_:)``). The last matcher is
    /// kept, so a server checking article after article embeds the same fact-checks once, and
    /// again only when they change.
    public func matcher(
        factChecks: [FactCheck], configuration: ClaimMatcher.Configuration = .init(), embedLimit: Int = Engine.embeddedFactChecks
    ) throws -> ClaimMatcher {
        let reranker = try matchReranker()
        let stored = FixedEmbeddings.standard()
        let encoder = try encoder().flatMap { encoder in
            factChecks.count <= embedLimit || stored.holds(factChecks.map(ClaimMatcher.embeddedText), encoder: encoder) ? encoder : nil
        }
        return lock.withLock {
            if let last = lastMatcher, last.factChecks == factChecks, last.configuration == configuration,
                (last.encoder == nil) == (encoder == nil)
            {
                return last
            }
            let matcher = ClaimMatcher(
                factChecks: factChecks, reranker: reranker, configuration: configuration, encoder: encoder, stored: stored)
            lastMatcher = matcher
            return matcher
        }
    }

    /// Embeds `factChecks` (a store's, in its order) and keeps the embeddings in the cache folder,
    /// so matchers over them compare meaning however many there are; returns whether it embedded
    /// them now (`false` when they were kept already or the encoder cannot run here).
    public func storeFactCheckEmbeddings(_ factChecks: [FactCheck]) throws -> Bool {
        let stored = FixedEmbeddings.standard()
        let texts = factChecks.map(ClaimMatcher.embeddedText)
        guard let encoder = try encoder(), stored.folder != nil, !texts.isEmpty, !stored.holds(texts, encoder: encoder) else { return false }
        _ = stored.embeddings(of: texts, encoder: encoder)
        return true
    }

    /// The article checker with every stage: claims (with attribution), language, comments, and
    /// matching against `factChecks` when there are any.
    public func articleChecker(
        reader: ArticleReader.Configuration = .init(), factChecks: [FactCheck] = [], now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> ArticleChecker {
        var configuration = ArticleChecker.Configuration(reader: reader, now: now, checkworthiness: try checkworthiness())
        configuration.attribution = try attribution()
        configuration.languageAnalyzer = try languageAnalyzer()
        configuration.commentScreener = try commentScreener()
        if !factChecks.isEmpty { configuration.factCheckMatcher = try matcher(factChecks: factChecks) }
        return ArticleChecker(configuration: configuration, logger: logger)
    }
}
