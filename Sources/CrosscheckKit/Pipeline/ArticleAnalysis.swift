public import Foundation

/// An article's whole analysis on one engine and one store: every stage, matching against the
/// store's fact-checks, and verification against its documents when it holds any. What
/// `crosscheck check` does for one input, and the server's runners do for each job.
public struct ArticleAnalysis: Sendable {
    public var engine: Engine
    /// Where earlier fact-checks are read from, when anywhere.
    public var factChecks: (any FactCheckStore)?
    /// Where evidence is retrieved from for verification; `nil` skips verification.
    public var evidence: (any DocumentStore)?
    /// Only evidence published at or after / before these times.
    public var since: Date?
    public var until: Date?

    public init(
        engine: Engine, factChecks: (any FactCheckStore)? = nil, evidence: (any DocumentStore)? = nil, since: Date? = nil, until: Date? = nil
    ) {
        self.engine = engine
        self.factChecks = factChecks
        self.evidence = evidence
        self.since = since
        self.until = until
    }

    /// The report for `input`.
    /// - Throws: ``CrosscheckError`` when the input is not an article, a model is missing, or a
    ///   store cannot be read.
    public func report(for input: ArticleInput, reader: ArticleReader.Configuration = .init()) async throws -> Report {
        let checks = try await factChecks?.factChecks() ?? []
        var report = try engine.articleChecker(reader: reader, factChecks: checks).check(input)
        if let evidence, try await evidence.newestRetrieved() != nil {
            try await evidence.ensureIndex()
            let stage = ClaimVerificationStage(verifier: try await engine.verifier(for: evidence), store: evidence, since: since, until: until)
            try await stage.run(on: &report)
        }
        return report
    }
}
