import Foundation
import Testing

@testable import CrosscheckKit

/// Calibrated check-worthiness: Platt scaling fitted on held-aside scores, and the cut a report
/// shows an editor first.
@Suite("Claim cut and calibration")
struct ClaimCutTests {
    /// Scores whose true chance of being positive is known: a score s is positive with
    /// probability σ(2·logit(s) − 1), drawn with a fixed generator.
    @Test func plattScalingRecoversAKnownMapping() {
        var generator = SeededGenerator(seed: 7)
        var scores: [Double] = []
        var labels: [Bool] = []
        for _ in 0..<20_000 {
            let score = Double.random(in: 0.01...0.99, using: &generator)
            let chance = 1 / (1 + exp(-(2 * log(score / (1 - score)) - 1)))
            scores.append(score)
            labels.append(Double.random(in: 0..<1, using: &generator) < chance)
        }
        let fitted = PlattScaling.fit(scores: scores, labels: labels)
        #expect(abs(fitted.slope - 2) < 0.1, "slope \(fitted.slope)")
        #expect(abs(fitted.intercept + 1) < 0.1, "intercept \(fitted.intercept)")
        #expect(fitted.probability(0.5) < 0.3)
    }

    @Test func plattScalingWithOneLabelIsTheIdentity() {
        let fitted = PlattScaling.fit(scores: [0.2, 0.9], labels: [true, true])
        #expect(fitted.slope == 1 && fitted.intercept == 0)
        #expect(abs(fitted.probability(0.8) - 0.8) < 1e-6)
    }

    @Test func aSeparableSetKeepsFiniteFigures() {
        let fitted = PlattScaling.fit(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true])
        #expect(fitted.slope.isFinite && fitted.intercept.isFinite)
        #expect(fitted.probability(0.9) > 0.5 && fitted.probability(0.1) < 0.5)
    }

    func claim(_ id: String, probability: Double?, checkworthy: Bool = true) -> ReportClaim {
        var claim = ReportClaim(
            id: id, text: "Sentence \(id).", start: 0, end: 1, checkworthiness: probability ?? 0.9, types: [],
            attribution: .init(kind: "none"))
        claim.checkworthy = checkworthy
        claim.probability = probability
        return claim
    }

    @Test func theCutShowsWhatTheModelIsSureOfAndCountsTheRest() {
        let claims = [
            claim("s1", probability: 0.9), claim("s2", probability: 0.7), claim("s3", probability: 0.4),
            claim("s4", probability: 0.2, checkworthy: false),
        ]
        let cut = ClaimCut(claims)
        #expect(cut.calibrated)
        #expect(cut.shown.map(\.id) == ["s1", "s2"])
        #expect(cut.more == 1)
        let limited = ClaimCut(claims, limit: 1)
        #expect(limited.shown.map(\.id) == ["s1"])
        #expect(limited.more == 2)
    }

    @Test func withoutCalibrationEveryCheckworthyClaimIsShown() {
        let cut = ClaimCut([claim("s1", probability: nil), claim("s2", probability: nil), claim("s3", probability: nil, checkworthy: false)])
        #expect(!cut.calibrated)
        #expect(cut.shown.map(\.id) == ["s1", "s2"])
        #expect(cut.more == 0)
    }

    @Test func reportsShowTheCutAndSayHowManyMore() throws {
        let text = "Budget row\n\nBy A. Writer\n\nThe council spent $4 million on the bridge in 2024.\n\nThe mayor said costs rose by 5 percent."
        var report = try ArticleChecker().check(ArticleInput(data: Data(text.utf8), name: "story.txt"))
        report.claims = [claim("s1", probability: 0.83), claim("s2", probability: 0.31)]
        let terminal = try TerminalReportRenderer(color: false).render(report)
        #expect(terminal.contains("CLAIMS (1 AT ≥ 50 %, 2 CHECK-WORTHY OF 2 SENTENCES)"), "\(terminal)")
        #expect(terminal.contains(" 83% [s1]"))
        #expect(!terminal.contains("[s2]"))
        #expect(terminal.contains("1 more check-worthy"))
        let markdown = try MarkdownReportRenderer().render(report)
        #expect(markdown.contains("| s1 | 83% |"), "\(markdown)")
        #expect(markdown.contains("1 more check-worthy the model is less sure of: s2"))
    }

    @Test func theShippedClassifierCarriesItsCalibrationIntoReports() throws {
        guard let encoder = try? SentenceEncoder.bundled() else { return }
        let model = try CheckworthinessModel.bundled(encoder: encoder)
        let calibration = try #require(model.calibration, "the shipped check-worthiness classifier should carry a calibration")
        #expect(calibration.slope > 0)
        let configuration = ArticleChecker.Configuration(checkworthiness: model)
        let text = "Budget row\n\nBy A. Writer\n\nThe council spent $4 million on the bridge in 2024, up 12 percent on the year before."
        let report = try ArticleChecker(configuration: configuration).check(ArticleInput(data: Data(text.utf8), name: "story.txt"))
        let claim = try #require(report.claims.first)
        #expect(claim.probability == (calibration.probability(claim.checkworthiness) * 10_000).rounded() / 10_000)
        #expect(report.engine.thresholds["claims"]?["calibration_slope"] == calibration.slope)
    }
}
