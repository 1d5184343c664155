import Testing

@testable import CrosscheckKit

@Suite("Plain text extraction")
struct PlainTextExtractionTests {
    @Test func copiedPageExample() throws {
        // Given the copied page shipped in Examples/
        let text = String(decoding: try Fixtures.repositoryFile("Examples/school-meals-copied.txt"), as: UTF8.self)
        // When it is extracted
        let article = PlainTextExtractor().extract(text: text)
        // Then widgets, navigation and the promo box are gone and the comments are split off
        #expect(article.title == "School meals program reaches 12,000 pupils, district says")
        #expect(article.byline == "Tomás Reyes")
        #expect(article.published == "2026-03-10")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("The Alder Valley school district"))
        for widget in ["Listen", "Share this", "Fact Checker", "Try it now", "Advertisement", "Skip to"] {
            #expect(!article.text.contains(widget), "\(widget)")
        }
        #expect(article.comments.count == 8)
        #expect(article.comments[0].author == "Mina K.")
        #expect(article.comments[0].text.hasPrefix("My two kids"))
        #expect(article.comments[4].author == nil)
        #expect(article.comments.map(\.id) == (1...8).map { "c\($0)" })
    }

    @Test func oneCommentPerLineWhenTheSectionHasNoBlankLines() {
        let text = """
            Headline about the town budget vote

            The council approved the budget on Monday by a vote of 6 to 3, after a long debate.

            3 Comments
            Good decision, finally.
            Why did the vote take so long?
            Visit cheap-pills.example for deals!!!
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.paragraphs.count == 1)
        #expect(
            article.comments.map(\.text) == ["Good decision, finally.", "Why did the vote take so long?", "Visit cheap-pills.example for deals!!!"])
    }

    @Test func hardWrappedParagraphsAreJoined() {
        let text = """
            The river authority measured a flood peak of 4.2 metres on Sunday, the
            highest level recorded at the Mill Lane gauge since records began in
            1998, officials said on Monday.

            Second paragraph.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(
            article.paragraphs.first
                == "The river authority measured a flood peak of 4.2 metres on Sunday, the highest level recorded at the Mill Lane gauge since records began in 1998, officials said on Monday."
        )
    }

    @Test func aLeadBetweenAListenWidgetAndAPhotoCreditIsKept() {
        let text = """
            Council delays vote on the island ferry subsidy
            Island Gazette staff
            Share this article
            Listen to this article · 4 min
            The council postponed its vote on the island ferry subsidy on Tuesday, saying it needed another month to study the operator's accounts.
            Photo: Island Gazette
            The subsidy keeps fares on the three island routes at half the mainland price, the operator said.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.title == "Council delays vote on the island ferry subsidy")
        #expect(article.byline == "Island Gazette staff")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first?.hasPrefix("The council postponed") == true)
    }

    @Test func aNameAloneAboveTheDatelineIsTheByline() {
        let text = """
            Water company fined for river spills
            Sam Okafor
            Wed 2 Dec 2026 11.20 GMT
            The regulator fined the water company 4.1 million pounds on Wednesday for spills into the river.
            Explore more on these topics
            Water
            Rivers
            Reuse this content
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.byline == "Sam Okafor")
        #expect(article.published?.hasPrefix("2026-12-02") == true)
        #expect(article.paragraphs == ["The regulator fined the water company 4.1 million pounds on Wednesday for spills into the river."])
    }

    @Test func theHeadlinesUnderAMostReadHeadingAreNotTheArticle() {
        let text = """
            Council delays vote on the island ferry subsidy

            The council postponed its vote on the island ferry subsidy on Tuesday.
            Most read
            1. Storm warning for the north coast
            2. School lunches plan faces a budget gap
            Bridge reopens two months late
            The operator said it would cut the winter timetable by a third without the subsidy.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(
            article.paragraphs == [
                "The council postponed its vote on the island ferry subsidy on Tuesday.",
                "The operator said it would cut the winter timetable by a third without the subsidy.",
            ])
    }

    @Test func boxesCaptionsAndAppealsBesideTheStoryAreNotIt() {
        let text = """
            Quarry expansion approved despite objections
            By Nia Holt
            2 March 2026

            The county approved the quarry's expansion on Monday after a four-hour hearing.

            Lorries queue at the quarry gate on Monday
            Lorries queue at the quarry gate on Monday(Image: Dale Courier / Sam Reed)

            AT A GLANCE
            Extra area: 14 hectares
            Lorry trips: 120 a day

            ADVERTISEMENT
            Garden rooms – 20% off until Easter
            Find your nearest showroom ›

            Get the biggest Dale stories straight to your inbox
            Sign up to the Dale Courier daily newsletter
            Enter email
            Sign up
            We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. This may include adverts from us and third parties based on our understanding. You can unsubscribe at any time.

            Residents said they would ask for a judicial review of the decision.
            Listen: Nia Holt reports from the hearing for Dale Radio
            Play Video
            00:00 / 01:58
            Mute
            Fullscreen
            … before you go: thousands of readers support our reporting, which stays free to read because of them. Please consider supporting us today. Thank you.
            Support £5/monthly
            Support £10/monthly
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(
            article.paragraphs == [
                "The county approved the quarry's expansion on Monday after a four-hour hearing.",
                "Residents said they would ask for a judicial review of the decision.",
            ])
    }

    @Test func aDatelineLabelOnItsOwnLineAndLinksBetweenParagraphs() {
        let text = """
            Coast & Vale
            News
            Saltholme pier split in two as storm batters north coast

            Published
            14 March 2026, 18:30 GMT

            By Harriet Okonjo, North Coast reporter
            Published: 14 Mar 2026 · 18:30
            5 min read

            The seaward end of the Victorian pier collapsed into the sea overnight.

            Storm Ilse: What we know so far
            How to report a power cut

            The amber wind warning remains in force until 21:00 on Saturday.

            Get the North Coast Briefing
            The top stories from Saltholme to Fellhaven, in your inbox at 7am every weekday.
            Sign up
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.title == "Saltholme pier split in two as storm batters north coast")
        #expect(article.byline == "Harriet Okonjo, North Coast reporter")
        #expect(article.published?.hasPrefix("2026-03-14") == true)
        #expect(
            article.paragraphs == [
                "The seaward end of the Victorian pier collapsed into the sea overnight.",
                "The amber wind warning remains in force until 21:00 on Saturday.",
            ])
    }

    @Test func aSummaryInBulletsBetweenTheHeadlineAndTheByline() {
        let text = """
            News › UK News › Food

            TV chef's flagship restaurant given zero hygiene rating

            • Inspectors found mouse droppings in three areas of the kitchen
            • The chef blames a new supplier

            By Kerry-Ann Docherty, Consumer Editor
            Published: 09:41, 14 March 2026 | Updated: 11:02, 14 March 2026

            Share   f   X   WhatsApp   Email   Copy link
            214 shares   |   View comments (18)

            The chef's flagship restaurant has been handed a zero-star food hygiene rating.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.title == "TV chef's flagship restaurant given zero hygiene rating")
        #expect(article.byline == "Kerry-Ann Docherty, Consumer Editor")
        #expect(article.paragraphs == ["The chef's flagship restaurant has been handed a zero-star food hygiene rating."])
    }

    @Test func theSitesOwnNameIsNotPartOfTheByline() {
        let text = """
            Valley Post
            Menu
            Ferry fares to rise by a fifth
            Ana Ruiz
            Transport correspondent, Valley Post
            Posted: Mar 4, 2026 / 11:48 PM MST

            Ferry fares will rise by a fifth from April, the operator said on Tuesday.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.byline == "Ana Ruiz, Transport correspondent")
        #expect(article.paragraphs == ["Ferry fares will rise by a fifth from April, the operator said on Tuesday."])
    }

    @Test(arguments: [
        "8 Comments", "Comments (8)", "12 comments", "Comments", "1 Comment", "No comments", "4 thoughts on “Bus fares to rise”",
        "One response to \"Library hours cut\"",
    ])
    func commentHeadings(line: String) {
        #expect(PlainTextExtractor.isCommentHeading(line))
    }

    @Test(arguments: [
        "Comments on the plan were mixed.", "The 8 comments received by the board", "Commentary",
        "4 comments on the plan came from residents, the clerk said, and all of them asked for a later start date for the works.",
    ])
    func notCommentHeadings(line: String) {
        #expect(!PlainTextExtractor.isCommentHeading(line))
    }

    @Test(arguments: [
        "Listen to the article", "Listen to this article", "Share this article", "Advertisement", "5 min read",
        "Fact Checker", "Use our Fact Checker to verify the article in seconds.", "Photo: Jo Bloggs/Reuters",
        "Sign up for our newsletter", "Tags: Politics, Budget", "Story continues below advertisement",
        "The new plane trees along Dock Road. (Valley Courier)", "Shoppers return to the hall (AP Photo/Jo Bloggs)",
        "Home › Local › Transport", "News > World", "WhatsApp", "Mara Ellis's avatar", "41", "41 Likes", "3:48 min",
        "▶ Listen · 5 min", "Follow", "Follow the Valley Courier on WhatsApp for news alerts →", "More from Politics",
        "Thanks for reading the Valley Courier! This post is public.", "Type your email...", "∙",
        "0:00 / 1:45 CC Mute Fullscreen", "▶ Watch: the chef on the set of his cooking show (2023)",
        "Read aloud with a synthetic voice. Report errors in the audio here.", "— Rosie", "214 shares   |   View comments (18)",
        "Join the conversation (17)",
    ])
    func widgetLinesAreFurniture(line: String) {
        #expect(FurnitureText.isFurniture(line))
    }

    @Test(arguments: [
        "The council approved the budget on Monday.", "Officials said the plan would cost $4 million.",
        "\"We will listen to residents,\" the mayor said.", "The vote is planned for the spring (April 3)",
        "The plan passed the Transport Committee (TC).", "Prices rose > 4 percent in May, the office said.",
        "Follow-up inspections found no faults, the agency said.", "More from the budget will go to schools next year.",
        "— and then the council changed its mind.", "The vote is at 0:00 / midnight, the clerk said.",
    ])
    func sentencesAreNotFurniture(line: String) {
        #expect(!FurnitureText.isFurniture(line))
    }

    @Test func aHeadlineOverItsStandfirstInOneBlockACreditedPhotoAndACalloutBox() {
        let text = """
            Coastal Courier
            News
            Weather

            Island ferry fares to rise by a fifth from April
            Operators blame fuel and crew costs, as islanders warn of a winter cut off from the mainland.

            By Ines Carvalho, Transport Reporter
            12 March 2026

            The ferry that leaves the quay at dawn, photographed last winter.
            Tove Lindahl/Coastal Courier

            Fares on the three island ferries will rise by 20 per cent from 1 April, the operator said on Wednesday.

            A return ticket for a car and driver will cost £48, up from £40, the operator's figures show.

            Spotted a mistake?
            Tell us what we got wrong and our standards team will look into it.
            Send a correction ›

            Islanders will be able to comment on the change at a meeting in the village hall next Tuesday.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.title == "Island ferry fares to rise by a fifth from April")
        #expect(article.byline == "Ines Carvalho, Transport Reporter")
        #expect(article.paragraphs.count == 4, "\(article.paragraphs)")
        #expect(article.paragraphs.first?.hasPrefix("Operators blame fuel") == true, "the standfirst is the first paragraph")
        for furniture in ["Tove Lindahl", "photographed last winter", "Spotted a mistake", "Send a correction"] {
            #expect(!article.text.contains(furniture), "\(furniture)")
        }
        #expect(FurnitureText.isPhotoCredit("Tove Lindahl/Coastal Courier"))
        #expect(!FurnitureText.isPhotoCredit("Lennon/McCartney"), "two single words are no photographer and agency")
    }

    @Test func aNameWithItsRoleAndNoCommaIsTheByline() {
        let text = """
            Environment
            Ferry operator fined over diesel spill in the harbour
            The company admitted failing to stop 2,000 litres of fuel leaking into the basin last spring
            Ines Carvalho Environment correspondent
            Thu 12 Mar 2026 09.15 GMT
            Share

            The operator of the island ferries was fined £40,000 on Wednesday for a diesel spill that closed the harbour for two days.

            Magistrates heard that a valve on a fuel line had been left open overnight.
            """
        let article = PlainTextExtractor().extract(text: text)
        #expect(article.title == "Ferry operator fined over diesel spill in the harbour")
        #expect(article.byline == "Ines Carvalho, Environment correspondent")
        #expect(article.paragraphs.first?.hasPrefix("The company admitted") == true, "\(article.paragraphs)")
    }

    @Test func theReportersBioBoxAboveTheTopicLinksIsNotTheStory() {
        let article = PlainTextExtractor().extract(
            text: """
                Ferry service to the islands approved

                By Iona Fraser
                Updated March 3 2026 - 9:12am

                The regional council voted on Monday to fund a ferry route linking the harbour to three islands.

                Residents have asked for a year-round service since the last operator stopped sailing in 2023.

                Originally Published: March 3, 2026 at 6:00 a.m.

                Iona Fraser
                Islands Reporter
                Iona covers the islands, ferries and the harbour for the Island Times. Got a story? Email her.

                Local News
                Ferries
                Islands
                """)
        #expect(article.byline?.hasPrefix("Iona Fraser") == true, "the box may give the byline its role")
        #expect(
            article.paragraphs == [
                "The regional council voted on Monday to fund a ferry route linking the harbour to three islands.",
                "Residents have asked for a year-round service since the last operator stopped sailing in 2023.",
            ])
    }

    @Test func aStoryEndingOnItsSubjectByFirstNameStays() {
        let paragraphs = [
            "Iona Fraser opened the new ferry terminal on Monday.",
            "Iona is the harbour master's daughter and has sailed the route since she was twelve.",
        ]
        #expect(PullQuotes.removingBio(from: paragraphs, byline: "Tom Roe") == paragraphs, "only the byline's own name opens a bio")
    }

    @Test func aForumPostWithItsAuthorAndDateAboveTheTitle() {
        let article = PlainTextExtractor().extract(
            text: """
                Skip to main content
                r/Islands
                Search in r/Islands
                Log In
                Posted by u/island_news
                3 Mar 2026
                Ferry route to the islands approved after a decade of campaigning
                The regional council voted on Monday to fund a ferry route linking the harbour to three islands, at a cost of $12 million.

                Residents have asked for a year-round service since the last operator stopped sailing in 2023.
                """)
        #expect(article.title == "Ferry route to the islands approved after a decade of campaigning")
        #expect(article.byline == "u/island_news")
        #expect(article.paragraphs.last == "Residents have asked for a year-round service since the last operator stopped sailing in 2023.")
        #expect(!article.paragraphs.contains { $0.contains("r/Islands") })
    }

    @Test func theWritersNamedPictureAPlayerAndARelatedListAreNotTheStory() {
        let article = PlainTextExtractor().extract(
            text: """
                Local News

                "We heard it coming": Storm floods forty homes on the river flats

                Crews pumped water from houses through the night after two months' rain fell in three hours

                Ana Ruiz
                By Ana Ruiz
                Updated March 3 2026 - 9:12am

                Listen to this article
                ▶ 0:00 / 3:10
                Powered by ReadAloud

                A pump crew at work on Ferry Lane on Sunday morning. Picture by Sam Tull

                Forty homes on the river flats were flooded on Saturday night when two months' rain fell in three hours.

                The council opened the town hall to families who could not stay in their homes.

                — With files from Flats Chronicle staff

                Related
                Flood claims: what to ask your insurer first
                Volunteers sought for the sandbag crews
                PICTURES: The flats under water

                Get the news in your inbox
                Sign up

                Ana Ruiz
                Journalist
                Ana covers the river towns, floods and the courts for the Flats Chronicle. Got a story? Email her.
                """)
        #expect(
            article.title == "\"We heard it coming\": Storm floods forty homes on the river flats", "the writer's picture is named above the byline")
        #expect(article.byline?.hasPrefix("Ana Ruiz") == true, "the box under the story may give the byline its role")
        #expect(
            article.paragraphs.suffix(2) == [
                "Forty homes on the river flats were flooded on Saturday night when two months' rain fell in three hours.",
                "The council opened the town hall to families who could not stay in their homes.",
            ])
        for furniture in ["0:00", "Powered by", "Picture by", "sandbag", "PICTURES", "With files from"] {
            #expect(!article.text.contains(furniture), "\(furniture)")
        }
    }

    @Test func theWritersNameTwiceOverTheirRoleAndACaptionOverItsLabelledCredit() {
        let article = PlainTextExtractor().extract(
            text: """
                Skip to content
                Valley Courier
                News
                Farming
                Farming
                Dairy farmers warn of closures as milk price falls again
                Mira Castell
                Mira Castell
                Farming Correspondent
                Tuesday 3 March 2026, 7:15 am
                Share this article
                Copy link
                Cows at a farm near Elmbridge last spring
                Image: Valley Courier / Dan Hoyle

                The price paid to dairy farmers for a litre of milk fell for the fourth month running in February, the farmers' union said.

                Several farms in the valley have sold their herds since the autumn, it said.
                """)
        #expect(article.title == "Dairy farmers warn of closures as milk price falls again", "the name shown twice is the writer's, not the headline")
        #expect(article.byline?.hasPrefix("Mira Castell") == true)
        #expect(
            article.paragraphs == [
                "The price paid to dairy farmers for a litre of milk fell for the fourth month running in February, the farmers' union said.",
                "Several farms in the valley have sold their herds since the autumn, it said.",
            ], "the caption over its credit is not the story")
    }

    @Test func placeholderLinesOfAnAdSlotAreNotTheStory() {
        let article = PlainTextExtractor().extract(
            text: """
                Ferry timetable cut for the winter
                By Lena Ortiz
                Published Nov. 3, 2026

                Article content
                The island ferry will sail four times a day instead of seven from December, its operator said on Monday.

                This advertisement has not loaded yet, but your article continues below.

                The operator blamed a shortage of deckhands and the cost of fuel.

                Article content
                """)
        #expect(
            article.paragraphs == [
                "The island ferry will sail four times a day instead of seven from December, its operator said on Monday.",
                "The operator blamed a shortage of deckhands and the cost of fuel.",
            ])
    }
}
