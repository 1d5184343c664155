/// A comment that says at its start that it leaves the subject ("Off topic, but …", "Unrelated,
/// but …"). The words never flag a comment alone: they lower the bar its meaning must clear
/// (``CommentScreener/Thresholds/offTopicDeclaredLift``), and they give the reason.
enum DigressionCues {
    static let openings = [
        "off topic", "off-topic", "offtopic", "unrelated", "not related to", "different subject", "different topic",
        "change of subject", "changing the subject", "on another note", "on a different note", "on an unrelated note",
    ]

    /// The declaration in the comment's first words, or `nil`.
    static func declaration(_ text: String) -> String? {
        let start = text.prefix(60).lowercased()
        return openings.first { start.contains($0) }
    }
}
