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

    @Test func avatarInitialsAboveANameAreNotAComment() {
        let result = comments(
            """
            Comments (2)
            MO
            Maureen Oldfield
            11 Mar 2026 · 16:40
            My mother had one of these men at her door, same story about the chimney.
            Reply
            SC
            Steve Carragher
            11 Mar 2026 · 16:52
            Glad your mum was alright.
            Reply
            """)
        #expect(result.map(\.author) == ["Maureen Oldfield", "Steve Carragher"])
        #expect(result.map(\.text) == ["My mother had one of these men at her door, same story about the chimney.", "Glad your mum was alright."])
    }

    @Test func arrowsBeforeTheAuthorAndABadgeLine() {
        let result = comments(
            """
            Comments (3)
            Kari Nygaard
            14.03.2026 07:52
            With the last ferry at 00:30 I cannot get home after a late shift.
            Like (41)    Reply    Report

            ↳ Per-Erik Solheim
            replying to Kari Nygaard
            14.03.2026 08:10
            A night ferry on request should be the minimum.
            Like (17)    Reply    Report

            ↳↳ Ingrid Haugland
            replying to Per-Erik Solheim
            Journalist, NT English
            14.03.2026 08:14
            We have asked the roads authority and will update the article.
            Like (9)    Reply    Report
            """)
        #expect(result.map(\.author) == ["Kari Nygaard", "Per-Erik Solheim", "Ingrid Haugland"])
        #expect(
            result.map(\.text) == [
                "With the last ferry at 00:30 I cannot get home after a late shift.", "A night ferry on request should be the minimum.",
                "We have asked the roads authority and will update the article.",
            ])
        #expect(result[1].parent == result[0].id)
        #expect(result[2].parent == result[1].id)
    }

    @Test func aPlaceUnderTheNameAndTheReplyLineAboveIt() {
        let result = comments(
            """
            18 comments
            Gazza1974
            Eastbury, United Kingdom
            14/03/2026 10:02
            Been twice. The toilets were a disgrace both times.
            Reply     ▲ 301     ▼ 9     Report abuse

            ↳ Replying to Gazza1974
            MrsB_Kent
            Maidstone, United Kingdom
            14/03/2026 10:15
            Same here.
            Reply     ▲ 97     ▼ 2     Report abuse
            """)
        #expect(result.map(\.author) == ["Gazza1974", "MrsB_Kent"])
        #expect(result.map(\.text) == ["Been twice. The toilets were a disgrace both times.", "Same here."])
        #expect(result[1].parent == result[0].id)
        #expect(result[1].time == "2026-03-14T10:15:00Z")
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

    @Test func forumHandlesWithPointsAndASortLine() {
        let result = comments(
            """
            Comments (3)
            Sort by: Newest
            u/harbourwatcher · 2h
            So the route is funded at last? Every winter the same story.
            Reply · 14 points
            u/ferry_rider_88 · 1h
            It is funded, the article says so. Four years of sailings.
            Reply · 3 points
            /u/islandmum · 45m
            My kids would take that ferry to school every morning.
            Reply · 1 point
            """)
        #expect(result.map(\.author) == ["u/harbourwatcher", "u/ferry_rider_88", "/u/islandmum"])
        #expect(result.map(\.time) == ["2h", "1h", "45m"])
        #expect(result[2].text == "My kids would take that ferry to school every morning.")
    }

    @Test func discussionWidgetWithVoteCountsBulletsAndItsOwnHeader() {
        let result = comments(
            """
            5 Comments
            Island Gazette
            Login
            Recommend 2
            Tweet
            Share
            Sort by Best
            Join the discussion…
            Ben Alvarez
            • 3 hours ago
            Twelve million is nothing for a year-round service.
            3
            •
            Reply
            •
            Share ›
            Sara Quinn
            • 2 hours ago
            Who signed the operator's contract?
            1
            •
            Reply
            •
            Share ›
            """)
        #expect(result.map(\.author) == ["Ben Alvarez", "Sara Quinn"])
        #expect(result.map(\.text) == ["Twelve million is nothing for a year-round service.", "Who signed the operator's contract?"])
        #expect(result.map(\.time) == ["3 hours ago", "2 hours ago"])
    }

    @Test func nameTextThenButtonsWithTheTime() {
        let result = comments(
            """
            3 comments
            Anna Kowalski
            Start with the weekend sailings then, something is better than nothing.
            Like · Reply · 2d
            Peter Lund
            Fuel prices went up for everyone. The council should have seen it coming.
            Like · Reply · 1d · Edited
            Grace Obi
            We will be at the harbour on Tuesday to see the first boat in!
            Like · Reply · 5h
            """)
        #expect(result.map(\.author) == ["Anna Kowalski", "Peter Lund", "Grace Obi"])
        #expect(result.map(\.time) == ["2d", "1d", "5h"])
        #expect(result[1].text == "Fuel prices went up for everyone. The council should have seen it coming.")
    }

    @Test func userNamesWithDateTimesUnderSignInAndSortLines() {
        let result = comments(
            """
            Comments (3)
            Sign in or create your account to join the discussion
            Sort by
            Oldest
            Threads
            Collapsed
            HarbourAngler
            2 Dec 2026 11:45
            Twelve million is pocket change next to what the old operator got.
            Reply
            Share
            Report
            greenbanks
            2 Dec 2026 12:02
            Good. Now make them run it in winter too.
            Reply
            Share
            Report
            """)
        #expect(result.map(\.author) == ["HarbourAngler", "greenbanks"])
        #expect(
            result.map(\.text) == ["Twelve million is pocket change next to what the old operator got.", "Good. Now make them run it in winter too."])
        #expect(result.allSatisfy { $0.time?.hasPrefix("2026-12-02") == true })
    }

    @Test func oneCommentALineWithTheAuthorBeforeAColon() {
        let result = comments(
            """
            Reader comments
            Marta V.: The ferry is the only way my son gets to school. Please keep it.
            Tom: Four years is better than nothing.
            Every island needs this.

            """)
        #expect(result.map(\.author) == ["Marta V.", "Tom", nil])
        #expect(result[1].text == "Four years is better than nothing.")
    }

    @Test(arguments: ["3h", "2 hours ago", "45 min", "yesterday", "an hour ago", "5d", "Mar 3, 2026", "10:15", "Dec 3", "Posted 1 hour ago"])
    func times(text: String) { #expect(CommentSectionSplitter.isTime(text)) }

    @Test(arguments: [
        "seagull22 wrote on Dec 4, 2026 10:12", "@millford_local  3 days ago", "Jane Doe · 2 hours ago", "@Tom-Barnes  1 day ago (edited)",
    ])
    func headers(line: String) { #expect(CommentSectionSplitter.header(line) != nil) }

    @Test(arguments: ["Posted 1 hour ago", "Harbour Regular wrote a letter to the council", "Jane Doe and 3 others"])
    func notHeaders(line: String) { #expect(CommentSectionSplitter.header(line) == nil) }

    @Test(arguments: ["Reply", "Like · 12", "12 likes", "Reply Share Report", "↑ 4 ↓", "Like (2) · Reply", "Share ›", "Like · Reply · 2d"])
    func actionLines(text: String) { #expect(CommentSectionSplitter.isActions(text)) }

    @Test(arguments: ["Hope the new one is faster.", "3 islands", "Reply to the council by Friday, residents were told.", "Like 2 years ago"])
    func notActionLines(text: String) { #expect(!CommentSectionSplitter.isActions(text)) }

    @Test func postedByLinesWithTheCommentRepliedToAfterTheTime() {
        let result = comments(
            """
            Reader comments (3)
            Comments are moderated. Please respect our house rules.
            Sort by: Oldest first | Newest first

            Posted by Hannah Iverson on 24/11/2026 12:47
            Finally. My parents have been stuck on the island every winter.
            Recommend (14) | Reply | Report

            Posted by Tomasz Wrobel on 24/11/2026 13:02 – in reply to Hannah Iverson
            Mine too, and the bus to the old pier takes an hour.
            Recommend (3) | Reply | Report

            Posted by Priya Raman on 02/12/2026 08:15
            Who runs it? The council or a private operator?
            Recommend (1) | Reply | Report

            Write a comment
            You must be logged in to comment. Log in | Register
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel", "Priya Raman"])
        #expect(result[1].parent == result[0].id)
        // Day first, because 24 cannot be a month; "02/12/2026" could be either, so it stays as written.
        #expect(result[0].time == "2026-11-24T12:47:00Z")
        #expect(result[2].time == "02/12/2026 08:15")
        #expect(!result.contains { $0.text.contains("logged in") })
    }

    @Test func avatarLinesFoldedRepliesAndTabsAfterTheThreadAreNotComments() {
        let result = comments(
            """
            Discussion about this post

            Hannah Iverson's avatar
            Write a comment...

            Hannah Iverson's avatar
            Hannah Iverson
            Dec 1
            Finally. My parents have been stuck on the island every winter.
            Like (12) · Reply
            Share
            2 more replies...

            Tomasz Wrobel's avatar
            Tomasz Wrobel
            Dec 2
            Twelve million over four years sounds cheap.
            Like (3) · Reply
            Share

            5 more comments...

            Top
            Latest
            Discussion
            No posts
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(
            result.map(\.text) == ["Finally. My parents have been stuck on the island every winter.", "Twelve million over four years sounds cheap."])
    }

    @Test func headerLinesWithThreadLinksAndRepliesTwoLevelsDeep() {
        let result = comments(
            """
            3 comments · sorted by top · new
            Add a comment

            island_ferry 5 hours ago | next [–]
            Finally. My parents have been stuck on the island every winter.
            reply

                t.wrobel 4 hours ago | parent | next [–]
                Mine too, and the bus to the old pier takes an hour.
                reply

                    island_ferry 3 hours ago | parent | next [–]
                    The bus was cut last spring, that is the whole problem.
                    reply

            praman 2 hours ago | prev [–]
            Who runs it? The council or a private operator?
            reply
            """)
        #expect(result.map(\.author) == ["island_ferry", "t.wrobel", "island_ferry", "praman"])
        #expect(result.map(\.parent) == [nil, result[0].id, result[1].id, nil])
        #expect(result[0].time == "5 hours ago")
    }

    @Test func aNameWithTheWritersTownOverAPostedLineAndRatingButtons() {
        let result = comments(
            """
            Comments
            Showing 2 of 9 comments

            Hannah Iverson, Skerry Sound
            Posted 2 December 2026, 07:12
            Finally. My parents have been stuck on the island every winter.
            Rate this comment: +31 -2
            Reply   Report

            Tomasz Wrobel, Old Pier
            Posted 2 December 2026, 08:40
            In reply to Hannah Iverson
            Mine too, and the bus to the old pier takes an hour.
            Rate this comment: +8 -1
            Reply   Report
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(result.map(\.time) == ["2026-12-02T07:12:00Z", "2026-12-02T08:40:00Z"])
        #expect(result[1].parent == result[0].id)
        #expect(!result.contains { $0.text.contains("Rate this") })
    }

    @Test func theTimeBeforeTheNameAndAnArrowBeforeTheReply() {
        let result = comments(
            """
            Comments (2)

            12:04 PM · Dec 2, 2026 — Hannah Iverson
            Finally. My parents have been stuck on the island every winter.
            ♡ 14 · Reply · Report

            1:37 PM · Dec 2, 2026 — Tomasz Wrobel
            ↳ Replying to Hannah Iverson
            Mine too, and the bus to the old pier takes an hour.
            ♡ 6 · Reply · Report

            You've reached the end of the comments.
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(result.map(\.time) == ["2026-12-02T12:04:00Z", "2026-12-02T13:37:00Z"])
        #expect(result[1].parent == result[0].id)
    }

    @Test func aNameWithThePlaceInBracketsOverATimeWithItsZone() {
        let result = comments(
            """
            Comments 2

            Park Ji-hoon (Seoul)
            2026-12-02 14:05 KST
            Finally. My parents have been stuck on the island every winter.
            Recommend 27  Oppose 2  Report

            Grace Thornbury (Old Pier)
            2026-12-02 18:40 KST
            Mine too, and the bus to the old pier takes an hour.
            Recommend 11  Oppose 1  Report
            """)
        #expect(result.map(\.author) == ["Park Ji-hoon", "Grace Thornbury"])
        #expect(result.map(\.time) == ["2026-12-02T14:05:00+09:00", "2026-12-02T18:40:00+09:00"])
        #expect(!result.contains { $0.text.contains("Recommend") })
    }

    @Test func textFirstThenTheSignatureWithItsTime() {
        let result = comments(
            """
            Comments (2)

            1.
            Finally. My parents have been stuck on the island every winter.
            Hannah Iverson | 2 Dec 2026 14:05
            Recommend (9) · Report

            2.
            Who runs it? The council or a private operator?
            Priya Raman | 2 Dec 2026 15:22
            Recommend (2) · Report
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Priya Raman"])
        #expect(
            result.map(\.text) == [
                "Finally. My parents have been stuck on the island every winter.", "Who runs it? The council or a private operator?",
            ])
        #expect(result.map(\.time) == ["2026-12-02T14:05:00Z", "2026-12-02T15:22:00Z"])
    }

    @Test func aWroteHeaderWithTheTimeUnderTheTextAndDottedDates() {
        let result = comments(
            """
            Reactions (2)

            Hannah Iverson wrote:
            Finally. My parents have been stuck on the island every winter.
            02.12.2026, 07:48
            Reply · Report

            Tomasz Wrobel wrote:
            In reply to Hannah Iverson
            Mine too, and the bus to the old pier takes an hour.
            02.12.2026, 08:31
            Reply · Report
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(result.map(\.time) == ["2026-12-02T07:48:00Z", "2026-12-02T08:31:00Z"])
        #expect(result[1].parent == result[0].id)
        #expect(!result.contains { $0.text.contains("2026") })
    }

    @Test func handleWroteHeadersThatNameTheCommentRepliedTo() {
        let result = comments(
            """
            Comments (3)

            @harbour_mum wrote:
            The ferry timetable changes every winter and nobody tells the island.
            4 Dec 2026, 7:02am · Reply · Like (6) · Report

            ↳ @pier_pete wrote, replying to @harbour_mum:
            The harbour office posts it on the noticeboard a week ahead, for what it's worth.
            4 Dec 2026, 7:40am · Reply · Like (2) · Report

            @quay_watcher wrote:
            Who pays for the extra sailing in January?
            4 Dec 2026, 8:31am · Reply · Like (1) · Report
            """)
        #expect(result.map(\.author) == ["@harbour_mum", "@pier_pete", "@quay_watcher"])
        #expect(result[1].parent == result[0].id)
        #expect(result[2].parent == nil)
        #expect(result[1].text == "The harbour office posts it on the noticeboard a week ahead, for what it's worth.")
    }

    @Test func aTimeLineThatNamesTheCommentRepliedTo() {
        let result = comments(
            """
            Comments (3)

            Nora Quinlan
            5 hours ago
            Does anyone know what surface they're using on the new stretch of path?
            Reply · Like (5)

            Tadhg Rooney
            4 hours ago · in reply to Nora Quinlan
            Compacted stone dust, the same as the section by the mill.
            Reply · Like (2)

            Aoife Brennan
            3 hours ago
            The council should publish the maintenance budget before the next phase.
            Reply · Like (1)
            """)
        #expect(result.map(\.author) == ["Nora Quinlan", "Tadhg Rooney", "Aoife Brennan"])
        #expect(result[1].parent == result[0].id)
        #expect(result[2].parent == nil)
        #expect(result[1].text == "Compacted stone dust, the same as the section by the mill.")
    }

    @Test func rankBadgesAboveTheAuthorEvenWhenTheyReadAsNames() {
        let result = comments(
            """
            3 comments

            Club Ambassador
            Hannah Iverson
            Yesterday at 21:14
            Finally. My parents have been stuck on the island every winter.
            👍 48    Reply

            Member since 2009
            ferry_fan_77
            Yesterday at 21:30
            Replying to Hannah Iverson
            Mine too, and the bus to the old pier takes an hour.
            👍 31    Reply

            Season ticket holder
            Priya Raman
            2h ago
            Who runs it? The council or a private operator?
            👍 5    Reply
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "ferry_fan_77", "Priya Raman"])
        #expect(result[1].parent == result[0].id)
        #expect(result[0].time == "Yesterday at 21:14")
    }

    @Test func aReplyThatOpensByNamingTheCommenterAndAZoneAfterTheTime() {
        let result = comments(
            """
            2 Comments
            Sort by
            Oldest
            Hannah Iverson (not verified)
            Dec 1, 2026 7:12 AM AST
            Finally. My parents have been stuck on the island every winter.
            Like (22)
            Reply
            1 reply
            Tomasz Wrobel
            Dec 1, 2026 8:03 AM AST
            @Hannah Iverson Mine too, and the bus to the old pier takes an hour.
            Like (9)
            Reply
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(result.map(\.time) == ["2026-12-01T07:12:00-04:00", "2026-12-01T08:03:00-04:00"])
        #expect(result[1].parent == result[0].id)
    }

    @Test func theReplyLineUnderTheNameAndRatingButtonsWithCounts() {
        let result = comments(
            """
            3 comments
            Hannah Iverson
            5h ago
            Finally. My parents have been stuck on the island every winter.
            Reply
            Rate this comment up, 12
            Rate this comment down, 1
            ferry_fan_77
            in reply to Hannah Iverson
            4h ago
            Mine too. Twelve million is cheap for a year-round route.
            Reply
            Tomasz Wrobel
            In response to ferry_fan_77
            3h ago
            Cheap until the crew costs come in.
            Reply
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "ferry_fan_77", "Tomasz Wrobel"])
        #expect(result[1].parent == result[0].id)
        #expect(result[2].parent == result[1].id)
        #expect(result[0].text == "Finally. My parents have been stuck on the island every winter.", "rating buttons are not text")
    }

    @Test func repliesCountedUnderTheirCommentWithoutIndentation() {
        let result = comments(
            """
            Comments 4
            Hannah Iverson
            1 Dec 2026, 07:58 GMT
            Finally. My parents have been stuck on the island every winter.
            Reply
            2 replies
            Hide replies
            Tomasz Wrobel
            1 Dec 2026, 08:20 GMT
            Is that the winter timetable or all year?
            Priya Raman
            1 Dec 2026, 08:31 GMT
            All year, the chair said so at the meeting.
            Reply
            Ines Duarte
            1 Dec 2026, 09:02 GMT
            Who runs it, the council or a private operator?
            Reply
            """)
        #expect(result.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel", "Priya Raman", "Ines Duarte"])
        #expect(result.map(\.parent) == [nil, "c1", "c1", nil], "the count says how many of the comments below reply")
    }

    @Test func aReplyNamingItsParentAfterAnArrowOrOnAnIndentedLine() {
        let arrow = comments(
            """
            3 Comments
            Hannah Iverson
            9 hours ago
            Finally. My parents have been stuck on the island every winter.
            Reply
            Tomasz Wrobel > Hannah Iverson
            9 hours ago
            Same with mine, they moved to the mainland in the end.
            Reply
            """)
        #expect(arrow.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(arrow[1].parent == arrow[0].id)
        let indented = comments(
            """
            3 Comments
            Hannah Iverson
            • 3 days ago
            Finally. My parents have been stuck on the island every winter.
            Reply
            Tomasz Wrobel
             Hannah Iverson
            • 3 days ago
            Same with mine, they moved to the mainland in the end.
            Reply
            """)
        #expect(indented.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"], "the second name is the comment replied to")
        #expect(indented[1].parent == indented[0].id)
    }

    @Test func aTimeWrittenWithADotAfterTheDate() {
        let result = comments(
            """
            Comments (2)
            Pickled_Walnut
            11 Mar 2026 6.31
            Twelve million over four years is cheap for a year-round route.
            Reply
            hollowayjen
            11 Mar 2026 17.05
            Who crews it in winter?
            Reply
            """)
        #expect(result.map(\.author) == ["Pickled_Walnut", "hollowayjen"])
        #expect(result.map { $0.time.flatMap(DateNormalizer.date) } == ["2026-03-11T06:31:00Z", "2026-03-11T17:05:00Z"].map(DateNormalizer.date))
    }

    @Test func repliesMarkedWithAnAngleBracketUnderOrBesideTheName() {
        let result = comments(
            """
            3 Comments
            Sort by Best
            Morven Gillespie
            • 6 hours ago
            Twelve million for a route that will carry a few hundred people a week seems a lot.
            △ 4 ▽
            Reply • Share ›
            Callum Strachan
            > Morven Gillespie
            • 5 hours ago
            It carries the doctor, the post and the school run. Count those.
            △ 9 ▽
            Reply • Share ›
            Morven Gillespie > Callum Strachan • 4 hours ago
            Fair, I hadn't thought of the school run.
            △ 2 ▽
            Reply • Share ›
            """)
        #expect(result.map(\.author) == ["Morven Gillespie", "Callum Strachan", "Morven Gillespie"])
        #expect(result.map(\.parent) == [nil, "c1", "c2"])
        #expect(result[2].text == "Fair, I hadn't thought of the school run.")
    }

    @Test func aBadgeUnderTheNameAndAOneWordReply() {
        let result = comments(
            """
            3 comments
            Most relevant
            Alison Brodie
            Top fan
            The islands have waited three years for this, good news at last.
            Like · Reply · 2d
            Fergus Laing
            Agreed.
            Like · Reply · 2d
            Hamish Reid
            Top fan
            Who pays when the fuel bill doubles again?
            Like · Reply · 1d
            """)
        #expect(result.map(\.author) == ["Alison Brodie", "Fergus Laing", "Hamish Reid"], "a label under two names is a badge")
        #expect(
            result.map(\.text) == [
                "The islands have waited three years for this, good news at last.", "Agreed.", "Who pays when the fuel bill doubles again?",
            ])
        #expect(!PlainTextExtractor.looksLikeName("Agreed."), "a one-word reply is not a name")
        #expect(PlainTextExtractor.looksLikeName("John S."), "a name may end on an initial")
    }

    @Test func aPickLabelUnderTheNameAndARepliesToLine() {
        let result = comments(
            """
            Comments (3)
            Sort by
            Newest
            HarbourWatcher
            5h ago
            Twelve million is a fair price if the crossing runs all winter.
            Recommend 14
            Report
            Reply
            Eilidh_Frame
            Staff Pick
            4h ago
            The figure covers four years, so about three million a year for three islands.
            Recommend 30
            Report
            Reply
            Neil Strang replies to HarbourWatcher
            2h ago
            Only if the boat is built for the swell out there.
            Recommend 2
            Report
            Reply
            """)
        #expect(result.map(\.author) == ["HarbourWatcher", "Eilidh_Frame", "Neil Strang"])
        #expect(result.map(\.parent) == [nil, nil, "c1"])
        #expect(!result[1].text.contains("Staff Pick"))
    }

    @Test func handlesWithAFlairUnderSortControlsWithNoCount() {
        let result = comments(
            """
            Comment as guest
            Sort by: Best
            u/island_nurse · Ormsay resident · 6h
            Year-round sailings mean I can stop sleeping at the hospital on Thursdays.
            212
            Reply Award Share
              u/quay_watcher · 5h
              Same for the teachers who commute out.
              40 Reply Share
            u/ferryfan_77 · 4h
            Who is building the boat?
            9
            Reply Award Share
            """)
        #expect(result.map(\.author) == ["u/island_nurse", "u/quay_watcher", "u/ferryfan_77"])
        #expect(result.map(\.parent) == [nil, "c1", nil])
        #expect(result.map(\.time) == ["6h", "5h", "4h"])
    }

    @Test func anArrowedReplyingToLineUnderIndentation() {
        let result = comments(
            """
            Comments (3)
            Sort by: Oldest ▾
            IslandCommuter
            2 Mar 2026, 07:10
            Four years of funding is a start, but what happens in year five?
            Reply   👍 12   Report

                ↪ Morag Laing replying to IslandCommuter
                2 Mar 2026, 07:45
                The council said it would tender again before the money runs out.
                Reply   👍 4   Report

            PierMaster
            2 Mar 2026, 08:02
            Twelve million for three islands is cheap compared with the bridge plans.
            Reply   👍 9   Report
            """)
        #expect(result.map(\.author) == ["IslandCommuter", "Morag Laing", "PierMaster"])
        #expect(result.map(\.parent) == [nil, "c1", nil])
        #expect(result[1].text == "The council said it would tender again before the money runs out.")
    }

    @Test func namesWithTheirSuburbAndTheTimeAmongTheButtons() {
        let result = comments(
            """
            Have your say
            Comments are moderated and may take some time to appear.
            3 comments
            Sort by: Top ▾

            Ailsa Crerar (North Quay)
            My mother crosses twice a week for her clinic, a year-round boat changes everything for her.
            21 likes · Reply · 5h
                Hide replies
                Dougie Hart (Harbour Road)
                It is still twelve million of rates money for a few hundred islanders.
                4 likes · Reply · 4h

            Fiona Bain (Westside)
            The last operator stopped because the fuel bills doubled. What stops that happening again?
            8 likes · Reply · 3h

            About
            Contact us
            Advertise
            Privacy Policy
            © 2026 The Island Times. All rights reserved.
            """)
        #expect(result.map(\.author) == ["Ailsa Crerar", "Dougie Hart", "Fiona Bain"], "the first name under the sort line opens a comment")
        #expect(result.map(\.parent) == [nil, "c1", nil])
        #expect(result.map(\.time) == ["5h", "4h", "3h"])
        #expect(!result.contains { $0.text.contains("Privacy Policy") }, "the footer's links are not a comment")
    }

    @Test func aPluginThreadWithARoleUnderANameAndItsCreditBelow() {
        let result = comments(
            """
            2 Comments
            Sort by
            Top

            Add a comment...

            Catriona Mair
            Top fan
            The ferry is the only way to the mainland hospital in winter.
            Like · Reply · 12 · 3h

                The Island Times
                Author
                Thanks Catriona, the council says the timetable will be published next month.
                Like · Reply · 3 · 2h

            Facebook Comments Plugin

            About Us
            Privacy Policy
            Cookie Policy
            """)
        #expect(result.map(\.author) == ["Catriona Mair", "The Island Times"], "'Top' is the sort choice, 'Author' the site's role")
        #expect(result.map(\.parent) == [nil, "c1"])
        #expect(result[1].text == "Thanks Catriona, the council says the timetable will be published next month.")
    }

    @Test func namesOverTheirTownAndTheTimeWithReplyLinesAbove() {
        let result = comments(
            """
            Comments (3)
            Sort by
            Most recommended
            Showing 3 comments
            Morag Laing
            Stornoway · 3 hours ago
            The islands have waited three years for a boat that runs in winter.
            Reply · Recommend (12) · Flag
            Replying to Morag Laing
            Ewan Bell
            Verified reader · 2 hours ago
            Winter is exactly when the old operator gave up.
            Reply · Recommend (4) · Flag
            Replying to Ewan Bell
            Morag Laing
            Stornoway · 1 hour ago
            Which is why the contract has to say so this time.
            Reply · Recommend (7) · Flag
            """)
        #expect(result.map(\.author) == ["Morag Laing", "Ewan Bell", "Morag Laing"], "the town beside the time is not the author")
        #expect(result.map(\.parent) == [nil, "c1", "c2"])
        #expect(result[2].text == "Which is why the contract has to say so this time.")
    }

    @Test func numberedCommentsThatQuoteTheOneTheyAnswer() {
        let result = comments(
            """
            3 comments
            Sort: Oldest first ▾

            #1  Morag Laing | 3 March 2026 at 08:02
            The islands have waited three years for a boat that runs in winter.
            Reply    Report    ▲ 14

            #2  Ewan Bell | 3 March 2026 at 08:19
            Morag Laing said:
            > a boat that runs in winter
            Winter is exactly when the old operator gave up.
            Reply    Report    ▲ 9

            #3  Fiona Bain | 3 March 2026 at 08:40
            Twelve million over four years is cheap next to a bridge.
            Reply    Report    ▲ 2
            """)
        #expect(result.map(\.author) == ["Morag Laing", "Ewan Bell", "Fiona Bain"])
        #expect(result.map(\.parent) == [nil, "c1", nil])
        #expect(result[1].text == "Winter is exactly when the old operator gave up.", "the quoted words are the other comment's")
    }

    @Test func initialsOverANameAndTimeWithABadgeAndReplyLines() {
        let result = comments(
            """
            Comments (4)
            Sort: Oldest | Newest | Top

            MW
            Maia Walker — 3 days ago
            The harbour pool has been the only place my kids learned to swim.
            Like (5) · Reply

            TO
            Tomas Olsen · Top commenter — 3 days ago
            ↳ In reply to Maia Walker
            The pool loses money every winter, somebody has to say it.
            Like (2) · Reply

            RH
            Ruth Hana — Yesterday 19:02
            Could the school share it in the mornings?
            Like (1) · Reply

            GK
            Gus Keane — 07:15 · Edited
            ↳ In reply to Ruth Hana
            The school asked in 2024 and was told no.
            Like (0) · Reply
            """)
        #expect(
            result.map(\.author) == ["Maia Walker", "Tomas Olsen", "Ruth Hana", "Gus Keane"], "initials are the avatar, the badge is not the name")
        #expect(result.map(\.parent) == [nil, "c1", nil, "c3"])
        #expect(result[2].text == "Could the school share it in the mornings?")
    }

    @Test func userNamesThatSayAndAReplyLineBeforeTheDate() {
        let result = comments(
            """
            3 comments
            Sort by: Newest   Oldest   Most liked

            Aled Price says:
            3 Mar 2026, 6:10am
            The depot closing means the 7am runs go too.
            Reply

            ferry_fan_22 says:
            in reply to Aled Price
            3 Mar 2026, 6:45am
            Source?
            Reply

            Aled Price says:
            in reply to ferry_fan_22
            3 Mar 2026, 7:02am
            The operator's own consultation, page four.
            Reply
            """)
        #expect(result.map(\.author) == ["Aled Price", "ferry_fan_22", "Aled Price"])
        #expect(result.map(\.parent) == [nil, "c1", "c2"])
    }

    @Test func replyLinesAboveHandlesWithTheirTimeOnOneLine() {
        let result = comments(
            """
            12 Comments
            Sort by
            Best

            @sandgate_sue · 6h
            The seawall path has been shut since the first storm.
            ▲ 4 ▼ 0
            Reply
            Share

            Replying to @sandgate_sue
            @kev.m · 5h
            It reopens Friday according to the council page.
            ▲ 2 ▼ 0
            Reply
            Share

            @pelican_pete · 5h
            Anyone else lose power on the point?
            ▲ 1 ▼ 0
            Reply
            Share
            """)
        #expect(result.map(\.author) == ["@sandgate_sue", "@kev.m", "@pelican_pete"])
        #expect(result.map(\.parent) == [nil, "c1", nil], "the reply line names the comment answered, above its author")
    }

    @Test func namesWithTheirHandleABadgeAndRepliesToTheHandle() {
        let result = comments(
            """
            12 Comments
            Sort: Top | Newest | Oldest

            Greta Olsen @gretao · Top Commenter · 2 days ago
            The old boiler was patched every winter for a decade.
            👍 12   👎 1   Reply   Report

            Curling Club 4 Ever @curl4ever · 2 days ago
            ↳ reply to @gretao
            And every patch cost more than the last one.
            👍 3   👎 0   Reply   Report

            Greta Olsen @gretao · Top Commenter · 1 day ago
            ↳ reply to @curl4ever
            Exactly, which is why replacing it now makes sense.
            👍 5   👎 0   Reply   Report
            """)
        #expect(result.map(\.author) == ["Greta Olsen", "Curling Club 4 Ever", "Greta Olsen"], "the handle beside the name is not part of it")
        #expect(result.map(\.parent) == [nil, "c1", "c2"], "a reply names the comment it answers by its author's handle")
    }

    @Test func aOneWordBadgeBetweenTheNameAndTheTimeOfAReply() {
        let result = comments(
            """
            Comments (3)
            Sort by: Newest | Oldest

            PW
            Priya Walsh
            3h
            The new timetable cuts the last train by an hour.
            Reply · Like · 5

            OB
            Owen Baird
            Subscriber
            2h
            Replying to Priya Walsh
            It only applies on Sundays, the rest stay as they are.
            Reply · Like · 2

            LF
            Lena Fischer
            Subscriber
            1h
            Good to know, thanks both.
            Reply · Like · 0
            """)
        #expect(result.map(\.author) == ["Priya Walsh", "Owen Baird", "Lena Fischer"], "a badge of one word is not a name")
        #expect(result.map(\.parent) == [nil, "c1", nil])
    }

    @Test func initialsDrawnFromAUserNamesParts() {
        let result = comments(
            """
            Comments (2)

            MK
            mo_kinsella  ·  4h ago
            The crossing lights have been broken since March.
            ▲ 12   Reply   Share   Report

            TB
            tess.brady  ·  3h ago
            Reported them twice myself.
            ▲ 3   Reply   Share   Report
            """)
        #expect(result.map(\.author) == ["mo_kinsella", "tess.brady"])
        #expect(
            result.map(\.text) == ["The crossing lights have been broken since March.", "Reported them twice myself."], "no initials in the text")
    }

    @Test func aTwoWordBadgeUnderTheFirstCommentersName() {
        let result = comments(
            """
            12 Comments
            Write a comment…
            Nora Quigley
            Top Commenter
            3 days ago
            The old line ran past our farm until 1976. Good to see it walked again.
            Reply · Like · 14

                Declan Foy
                3 days ago
                My uncle was a signalman on it.
                Reply · Like · 2
            """)
        #expect(result.map(\.author) == ["Nora Quigley", "Declan Foy"], "a site's label for a commenter is not a name")
        #expect(result.map(\.parent) == [nil, "c1"])
    }
}
