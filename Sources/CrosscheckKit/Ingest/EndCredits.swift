/// The credit or appeal a story ends on — who wrote, edited or paid for the journalism ("Jo Tan contributed
/// reporting.", "LDR is local body journalism co-funded by RNZ and NZ On Air.", "The Otterby
/// Courant is written and edited by Rosie Kettering.") — is about the publication, not more of the
/// story.
enum EndCredits {
    /// `paragraphs` without such a credit among the last two (each at most 40 words).
    static func removing(from paragraphs: [String]) -> [String] {
        guard paragraphs.count > 1 else { return paragraphs }
        var result = paragraphs
        for index in result.indices.suffix(2).reversed() where index == result.count - 1 && isCredit(result[index]) {
            result.remove(at: index)
        }
        return result
    }

    static func isCredit(_ paragraph: String) -> Bool {
        guard paragraph.split(separator: " ").count <= 40 else { return false }
        let text = PullQuotes.key(paragraph)
        // "… is written and edited by …": a standing description of the publication, in the present
        // (the story's own "the plan was written by …" is in the past).
        let made = [
            "written and edited by", "edited and written by", "edited and produced by", "written and produced by", "edited by", "produced by",
        ]
        if made.contains(where: { text.contains("is " + $0) || text.contains("are " + $0) }) { return true }
        if text.contains(" contributed reporting") || text.contains(" contributed to this report")
            || text.contains(" contributed to this story") || text.hasPrefix("additional reporting by ")
        {
            return true
        }
        // Funding named together with the journalism it pays for.
        let funded = ["funded by", "supported by", "paid for by"].contains(where: text.contains)
        let journalism = ["journalism", "this story", "this article", "this report", "this reporting", "this newsletter"]
            .contains(where: text.contains)
        if funded && journalism { return true }
        // An appeal for the publication's money: "… please consider supporting us from £3 a month."
        let asks = ["support us", "supporting us", "support our", "donate", "become a member", "make a contribution"].contains(where: text.contains)
        let money = paragraph.contains(where: { "£$€".contains($0) }) || ["a month", "a year", "monthly"].contains(where: text.contains)
        return asks && money
    }
}
