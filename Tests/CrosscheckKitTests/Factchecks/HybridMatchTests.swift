import Foundation
import Testing

@testable import CrosscheckKit

/// Claim matching by words and meaning: dense candidates beside BM25's, and the re-ranker's
/// variants with and without the encoder.
@Suite("Claim matching by meaning")
struct HybridMatchTests {
    static let encoder = try? SentenceEncoder.bundled()

    let checks = [
        FactCheck(id: "vaccine", claim: "COVID-19 vaccines alter human DNA.", rating: "False"),
        FactCheck(id: "bridge", claim: "The Harbour Bridge will be closed permanently starting in June.", rating: "False"),
        FactCheck(id: "fares", claim: "Bus fares in Port Alder doubled in 2025.", rating: "Mostly false"),
        FactCheck(id: "mill", claim: "The old textile mill reopened after a fire.", rating: "True"),
    ]

    @Test func aParaphraseWithoutSharedWordsIsFoundByMeaning() throws {
        let encoder = try #require(Self.encoder)
        let hybrid = ClaimMatcher(factChecks: checks, reranker: try MatchReranker.bundled(), encoder: encoder)
        let query = "The coronavirus jab rewrites your genetic code, doctors warn"
        #expect(hybrid.match(query, limit: 1, includeWeak: true).first?.factCheck.id == "vaccine")
        let candidates = hybrid.candidates(for: query)
        #expect(candidates.contains { checks[$0.index].id == "vaccine" })
        #expect(candidates.allSatisfy { $0.features[MatchFeatures.names.firstIndex(of: "dense.known")!] == 1 })
    }

    @Test func withoutTheEncoderTheLexicalVariantRanks() throws {
        let lexical = ClaimMatcher(factChecks: checks, reranker: try MatchReranker.bundled())
        let matches = lexical.match("They are closing the Harbour Bridge for good in June", limit: 2)
        #expect(matches.first?.factCheck.id == "bridge")
        let candidate = try #require(lexical.candidates(for: "closing the Harbour Bridge in June").first)
        #expect(candidate.features[MatchFeatures.names.firstIndex(of: "dense.known")!] == 0)
    }

    @Test func modelFileRoundTripAndRefusal() throws {
        let reranker = try MatchReranker.bundled()
        let reloaded = try MatchReranker.load(from: reranker.encoded())
        #expect(reloaded.variants == reranker.variants)
        #expect(Set(reranker.variants.keys) == ["dated+dense", "plain+dense", "dated", "plain"])
        // A file made for other features is refused with a remedy.
        var header = reranker.info
        header["features"] = "bm25.relative"
        let other = ModelFile(kind: "match", header: header, weights: [1, 2]).encoded()
        do {
            _ = try MatchReranker.load(from: other)
            Issue.record("loaded a model made for other features")
        } catch let error as CrosscheckError {
            #expect(error.message.contains("crosscheck train match"))
        }
    }
}
