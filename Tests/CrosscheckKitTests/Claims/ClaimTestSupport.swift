@testable import CrosscheckKit

/// Runs the claims stage over a short text, as the pipeline would.
func analyze(_ text: String, published: String? = "2026-03-03", model: CheckworthinessModel? = nil) -> ClaimAnalyzer.Result {
    let sentences = SentenceSegmenter().sentences(in: text)
    return ClaimAnalyzer(model: model).analyze(text: text, sentences: sentences, published: published)
}

/// The claim for the sentence that starts with `prefix`.
func claim(_ result: ClaimAnalyzer.Result, _ prefix: String) -> ReportClaim? {
    result.claims.first { $0.text.hasPrefix(prefix) }
}
