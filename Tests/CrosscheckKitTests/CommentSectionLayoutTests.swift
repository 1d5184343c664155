import Testing

@testable import CrosscheckKit

/// Comment sections pasted from sites of different layouts: each comment comes out on its own,
/// with its author and time; counts, sort lines and buttons are furniture.
@Suite("Comment sections in several layouts")
struct CommentSectionLayoutTests {
    let article = """
        Regional council backs new ferry route to the islands

        The regional council voted on Monday to fund a ferry route linking the harbour to three \
        islands, at a cost of $12 million over four years, the council's transport chair said.

        Residents of the islands have asked for a year-round service since the last operator \
        stopped sailing in 2023.

        """

    func comments(_ section: String) -> [CrosscheckKit.Comment] {
        PlainTextExtractor().extract(text: article + section).comments
    }

    @Test func nameTimeTextAndActionLinesWithoutBlankLines() {
        let result = comments(
            """
            6 Comments
            Sort by: Newest
            Hannah Iverson
            2 hours ago
            Finally. My parents have been stuck on the island every winter since the last boat stopped.
            Reply  Like  14
            Tomasz Wrobel
            3h
            Twelve million over four years sounds cheap for a year-round route, what about the crew costs?
            Reply · 3 likes
            Priya Raman
            5 hours ago
            Who runs it? The council or a private operator?
            Reply
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel", "Priya Raman"])
        #expect(result[1].text.hasPrefix("Twelve million"))
        #expect(result.allSatisfy { $0.time != nil })
        #expect(!result.contains { $0.text.contains("Reply") || $0.text.contains("likes") })
    }

    @Test func theSameWithBlankLinesBetweenEveryLine() {
        let result = comments(
            """
            3 Comments

            Hannah Iverson

            2 hours ago

            Finally. My parents have been stuck on the island every winter.

            Reply

            Tomasz Wrobel

            3 hours ago

            What about the crew costs?

            Reply

            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(result.map(\.text) == ["Finally. My parents have been stuck on the island every winter.", "What about the crew costs?"])
    }

    @Test func headerLinesAndThreadedReplies() {
        let result = comments(
            """
            Comments (4)
            @islandgirl · 1h
            The old boat took two hours. Hope the new one is faster.
            Like (2) · Reply
            @harbourmaster · 45 min
            Replying to @islandgirl
            Ninety minutes on the planned timetable.
            Like · Reply
            Dev Malhotra · Mar 3, 2026
            Will bikes be allowed on board?
            """)
        #expect(result.count == 3)
        #expect(result.map(\.author) == ["@islandgirl", "@harbourmaster", "Dev Malhotra"])
        #expect(result[1].parent == result[0].id)
        #expect(result[1].text == "Ninety minutes on the planned timetable.")
        #expect(result[2].time == "2026-03-03")
    }

    @Test func aSectionWithoutAuthorsIsOneCommentPerParagraph() {
        let result = comments(
            """
            2 Comments

            Great news for the islands.

            About time, the council dragged its feet for three years.
            """)
        #expect(result.map(\.text) == ["Great news for the islands.", "About time, the council dragged its feet for three years."])
        #expect(result.allSatisfy { $0.author == nil })
    }

    @Test(arguments: ["3h", "2 hours ago", "45 min", "yesterday", "an hour ago", "5d", "Mar 3, 2026", "10:15"])
    func times(text: String) { #expect(CommentSectionSplitter.isTime(text)) }

    @Test(arguments: ["Reply", "Like · 12", "12 likes", "Reply Share Report", "↑ 4 ↓", "Like (2) · Reply"])
    func actionLines(text: String) { #expect(CommentSectionSplitter.isActions(text)) }

    @Test(arguments: ["Hope the new one is faster.", "3 islands", "Reply to the council by Friday, residents were told."])
    func notActionLines(text: String) { #expect(!CommentSectionSplitter.isActions(text)) }
}
