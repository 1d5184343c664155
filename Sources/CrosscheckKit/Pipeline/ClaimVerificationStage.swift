public import Foundation

/// The verification stage: each check-worthy or quoted claim of a report verified against an
/// evidence store, with its verdict, the passages it rests on and the store's "as of" time.
public struct ClaimVerificationStage: Sendable {
    public var verifier: ClaimVerifier
    public var store: any DocumentStore
    /// Only evidence published at or after this time.
    public var since: Date?
    /// Only evidence published before this time.
    public var until: Date?
    /// Passages cited per claim.
    public var cited = 3

    public init(verifier: ClaimVerifier, store: any DocumentStore, since: Date? = nil, until: Date? = nil) {
        self.verifier = verifier
        self.store = store
        self.since = since
        self.until = until
    }

    /// Adds verdicts to the report's claims and times the stage.
    public func run(on report: inout Report) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let asOf = try await store.newestRetrieved()
        // Passages are retrieved claim by claim, then judged for all claims in one batch.
        var chosen: [Int] = []
        var items: [(claim: String, quote: Quotation?, retrieved: [RankedPassage])] = []
        for index in report.claims.indices where report.claims[index].checkworthy || report.claims[index].quote != nil {
            let claim = report.claims[index]
            let quote = claim.quote.map { Quotation(text: $0.text, kind: .direct, start: 0, end: 0, speaker: $0.speaker) }
            let retrieved = try await verifier.retrieve(claim: claim.text, quote: quote, store: store, since: since, until: until)
            chosen.append(index)
            items.append((claim.text, quote, retrieved))
        }
        for (index, result) in zip(chosen, verifier.verify(items)) {
            report.claims[index].verdict = ReportClaim.Verdict(result, asOf: asOf, cited: cited)
        }
        if let inference = verifier.judge.inference {
            report.engine.models["stance"] = inference.identity.recorded
        } else {
            report.engine.models["stance"] = verifier.judge.model.classifier.version
        }
        report.engine.thresholds["verdict"] = verifier.policy.recorded
        if let relevance = verifier.relevance { report.engine.models["relevance"] = relevance.version }
        report.timings.append(StageTiming(stage: "verify", milliseconds: ArticleChecker.milliseconds(clock.now - start)))
    }
}

extension ReportClaim.Verdict {
    /// The report's form of a verification: its label and confidence, and the first `cited`
    /// passages that take a side (then the rest), each with its stance and reasons.
    public init(_ verification: ClaimVerification, asOf: String?, cited: Int) {
        self.init(
            label: verification.label, confidence: verification.confidence, asOf: asOf,
            evidence: verification.cited.prefix(cited).map { passage, stance in
                ReportClaim.Evidence(
                    documentId: passage.id, url: passage.url, title: passage.title, published: passage.published, text: passage.text,
                    stance: stance.stance, score: stance.score.rounded(toPlaces: 4), reasons: stance.reasons)
            },
            reasons: verification.reasons)
    }
}
