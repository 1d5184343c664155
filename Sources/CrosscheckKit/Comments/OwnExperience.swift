/// Whether a comment speaks in the writer's own voice: the first person singular ("I farm off the
/// Meidrim road", "my two lads"). People who agree on one point each tell it from their own life,
/// so two such comments close in meaning are agreement, not one script reworded — unless they share
/// its words as well (see ``CommentScreener/Thresholds/templateScore``).
enum OwnExperience {
    static let pronouns: Set<String> = ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"]

    static func speaks(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
            .contains { pronouns.contains(String($0.map { $0 == "’" ? "'" : $0 })) }
    }
}
