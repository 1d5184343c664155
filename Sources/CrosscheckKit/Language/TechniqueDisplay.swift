/// Which persuasion-technique spans are drawn in the article text. A mark a reader sees must be one
/// the model is fairly sure of: each technique has the score its spans need, the lowest at which at
/// least 10 of its marks reached 0.6 precision on held-out propaganda articles (`crosscheck eval
/// language --data ../shared/data/propaganda`: five seeded 80/20 splits pooled, models trained on
/// the 80 %). A technique without a threshold never reached it and is not drawn. Every span stays in
/// the JSON report.
public enum TechniqueDisplay {
    /// Per technique, the score a span needs to be drawn. Measured 2026-12-02: Loaded Language at
    /// ≥ 0.70 has precision 0.612 (45 spans); no other technique reached 0.6.
    public static let thresholds: [String: Double] = ["Loaded_Language": 0.70]

    /// Whether `span` is drawn in the article text under `thresholds`.
    public static func isShown(_ span: LanguageSection.Technique, thresholds: [String: Double] = thresholds) -> Bool {
        guard let threshold = thresholds[span.technique] else { return false }
        return span.score >= threshold
    }
}
