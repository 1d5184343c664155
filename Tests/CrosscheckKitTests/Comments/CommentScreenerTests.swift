import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Comment screening")
struct CommentScreenerTests {
    let article = Article(
        title: "Council approves $48 million Harbour Bridge repair plan",
        paragraphs: [
            "The Port Alder city council voted 7 to 2 on Tuesday to approve a $48 million plan to repair the Harbour Bridge after inspectors found corrosion in 14 of its 62 steel cables.",
            "The repairs will close one lane in each direction for about 18 months starting in June. The city plans to run extra buses on Route 9 during the closures.",
            "Councillor Ray Duarte called the plan a blank cheque and said the cost had doubled since the first estimate of $24 million.",
        ])

    func screener() throws -> CommentScreener {
        CommentScreener(spam: try TextClassifier.bundled(.spam), machine: try TextClassifier.bundled(.machine))
    }

    func comment(_ id: String, _ text: String, author: String? = nil, time: String? = nil, parent: String? = nil) -> CrosscheckKit.Comment {
        CrosscheckKit.Comment(id: id, author: author ?? "author-\(id)", time: time, text: text, parent: parent)
    }

    @Test func aGenuineSpecificDiscussionIsNotFlagged() throws {
        let thread = [
            comment("1", "I drive the bridge every day. Losing a lane for 18 months will hurt, but corroded cables can't wait."),
            comment("2", "Agreed, the vote was close.", parent: "1"),
            comment("3", "Will the Route 9 buses run on weekends during the closure too?"),
            comment("4", "Duarte has a point: the cost doubled from $24 million. Who checks the contractor?"),
        ]
        let result = try screener().screen(thread, article: article)
        for screen in result.comments {
            #expect(screen.flags.isEmpty, "\(screen.id): \(screen.flags) \(screen.reasons)")
            #expect(screen.inauthentic < 0.5)
        }
        #expect(result.summary.text.hasPrefix("0 of 4 comments look inauthentic"))
    }

    @Test func severalAccountsPostingOneTemplate() throws {
        let thread = [
            comment("a", "This is a development worth watching closely. It raises the stakes for everyone involved.", time: "2026-03-03T11:40:00Z"),
            comment("b", "This is a situation worth monitoring closely. It raises the stakes for everyone involved.", time: "2026-03-03T11:41:00Z"),
            comment("c", "This is a story worth following closely. It raises the stakes for everyone involved.", time: "2026-03-03T11:43:00Z"),
            comment("d", "The bridge cables should have been replaced years ago, the corrosion was reported in 2019."),
        ]
        let result = try screener().screen(thread, article: article)
        let templated = result.comments.prefix(3)
        #expect(templated.allSatisfy { $0.flags.contains("template") })
        #expect(Set(templated.map(\.cluster)).count == 1)
        #expect(templated.first?.cluster != nil)
        #expect(templated.allSatisfy { $0.flags.contains("coordinated") }, "three in four minutes is a burst")
        #expect(templated.allSatisfy { $0.inauthentic >= 0.5 })
        #expect(!result.comments[3].flags.contains("template"))
        #expect(result.summary.templates == 1)
    }

    @Test func offTopicGeneratedParagraphs() throws {
        let thread = [
            comment(
                "x",
                "Intermittent fasting has transformed the way millions approach nutrition. By aligning meals with circadian rhythms, practitioners report better sleep and sustained energy."
            ),
            comment("y", "The council should publish the inspection report on the corroded cables before the repairs start in June."),
        ]
        let result = try screener().screen(thread, article: article)
        #expect(result.comments[0].flags.contains("off_topic"), "\(result.comments[0])")
        #expect(!result.comments[1].flags.contains("off_topic"))
    }

    @Test func linkSpam() throws {
        let thread = [
            comment(
                "s", "Made $3,000 last week from home!!! Check out my channel and DM me on WhatsApp to learn how: http://quick-profits.example/join")
        ]
        let result = try screener().screen(thread, article: article)
        #expect(result.comments[0].flags.contains("spam"))
        #expect(result.comments[0].inauthentic >= 0.9)
        #expect(result.comments[0].reasons.first?.contains("spam") == true)
    }

    @Test func boilerplateAndBareAgreementWithAFlaggedComment() throws {
        let thread = [
            comment("p", "Check out my channel for the best deals!!! http://deals.example/win"),
            comment("q", "So true!", parent: "p"),
            comment("r", "Great article, thanks for sharing!"),
        ]
        let result = try screener().screen(thread, article: article)
        #expect(result.comments[1].flags.contains("coordinated"))
        #expect(result.comments[2].flags.contains("boilerplate"))
    }

    @Test func templateClusteringIsLinear() {
        // 3,000 comments, a tenth from one template: all of the template's copies end in one cluster.
        var texts: [String] = []
        for index in 0..<3000 {
            texts.append(
                index % 10 == 0
                    ? "This is a \(["story", "situation", "development"][index % 3]) worth watching closely for everyone involved here."
                    : "Comment number \(index) talks about topic \(index * 7) and detail \(index * 13) in its own words.")
        }
        let clusters = TemplateClusterer().clusters(texts)
        let templated = clusters.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        #expect(Set(templated).count == 1)
        #expect(templated.first ?? nil != nil)
        #expect(clusters.enumerated().filter { $0.offset % 10 != 0 }.allSatisfy { $0.element == nil })
    }
}

/// The screen by meaning: comments about something else that share generic words with the
/// article, and one comment reworded by several accounts.
@Suite("Comment screening by meaning")
struct CommentMeaningTests {
    static let encoder = try? SentenceEncoder.bundled()

    let article = Article(
        title: "Prime minister signs port and rail pact during two-day state visit",
        paragraphs: [
            "The prime minister signed a 12-year agreement on Thursday to expand the northern container port and build a freight rail link to the border, the centrepiece of a two-day state visit.",
            "Under the pact, the two governments will share the $3.4 billion cost, with construction due to start next spring and the first trains expected in 2030.",
            "Opposition leaders said the deal tied the country to a single partner for too long, and asked for the full text to be published before parliament votes.",
            "Port workers' unions welcomed the promise of 4,000 jobs but warned that automation clauses could cut that number in half.",
        ])

    func comment(_ id: String, _ author: String, _ text: String, parent: String? = nil) -> CrosscheckKit.Comment {
        CrosscheckKit.Comment(id: id, author: author, time: nil, text: text, parent: parent)
    }

    @Test func offTopicExchangeFlaggedWhateverWordsItShares() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "ana", "Twelve years is a long commitment for a rail line that won't run until 2030."),
            comment("b", "bo", "The unions are right to worry, automated cranes already halved jobs at the southern terminal.", parent: "a"),
            comment("c", "cy", "Has anyone found a good plan for learning to code at home this year? I need a challenge."),
            comment("d", "di", "I started with free puzzle courses, the biggest problem is keeping the habit going every day.", parent: "c"),
            comment("e", "ed", "Same here, I switched to a streak app and it fixed my motivation in about a week.", parent: "d"),
            comment("f", "fi", "Publishing the full text before the vote seems like the least they can do."),
        ]
        let result = try CommentScreener.standard(encoder: encoder).screen(thread, article: article)
        #expect(result.method == "meaning")
        for index in [2, 3, 4] { #expect(result.comments[index].flags.contains("off_topic"), "\(result.comments[index])") }
        for index in [0, 1, 5] { #expect(result.comments[index].flags.isEmpty, "\(result.comments[index])") }
        #expect(result.comments[2].reasons.contains { $0.hasPrefix("about something else") })
    }

    @Test func aConversationAboutAnotherLocalMatterIsOffTopicTakenWhole() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "ana", "My cousin drives trucks out of the northern port and says the road to the border is already jammed every morning."),
            comment("b", "bo", "That road is the whole reason they want the rail link, the lorries can't keep growing.", parent: "a"),
            comment(
                "c", "cy", "While the government is signing deals, could someone fix the potholes on Harbour Road? I've lost two tyres since spring."),
            comment("d", "di", "Report them on the council app with a photo, they filled three on my street within a fortnight.", parent: "c"),
            comment("e", "cy", "Didn't know there was an app for it. Will try, thanks.", parent: "d"),
            comment("f", "fi", "Four thousand jobs sounds good until the automation clauses kick in."),
        ]
        var screener = try CommentScreener.standard(encoder: encoder)
        let result = screener.screen(thread, article: article)
        for index in [2, 3, 4] { #expect(result.comments[index].flags == ["off_topic"], "\(result.comments[index])") }
        for index in [0, 1, 5] { #expect(result.comments[index].flags.isEmpty, "\(result.comments[index])") }
        #expect(result.comments[3].reasons.contains { $0.contains("the conversation it is part of (3 comments)") })
        // A reply arriving in it is screened with its conversation read whole, and only that one.
        #expect(screener.screen(thread, article: article, focus: [4]).comments[4].flags == ["off_topic"])
        // Comment by comment, and without the topic model, the pothole conversation comes near
        // enough to a port article to pass.
        screener.thresholds.offTopicExchangeLift = 0
        screener.thresholds.offTopicModelWeight = 0
        #expect(!screener.screen(thread, article: article).comments[2...4].allSatisfy { $0.flags.contains("off_topic") })
    }

    @Test func aThankYouReplyInAnOnTopicExchangeKeepsItsSubject() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "ana", "The automation clauses worry me, the southern terminal lost half its crane jobs within two years."),
            comment("b", "bo", "My brother worked there, they were told the new cranes would create jobs and the opposite happened.", parent: "a"),
            comment("c", "ana", "Thank you for telling me that. Did anyone ever explain it to them properly?", parent: "b"),
            comment("d", "cy", "Has anyone found a good plan for learning to code at home this year? I need a challenge."),
        ]
        let result = try CommentScreener.standard(encoder: encoder).screen(thread, article: article)
        #expect(result.comments[2].flags.isEmpty, "\(result.comments[2]) \(result.comments[1])")
        #expect(result.comments[3].flags.contains("off_topic"), "\(result.comments[3])")
    }

    @Test func rewordedTemplateByTwoAccountsIsOneCluster() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "first", "A turning point for the whole region, everyone should keep a close eye on what happens next."),
            comment("b", "second", "Everyone should keep a close eye on what comes next, this is a turning point for the entire region."),
            comment("c", "third", "The port jobs matter more than the rail link, the rail link is mostly for exporters."),
        ]
        let result = try CommentScreener.standard(encoder: encoder).screen(thread, article: article)
        #expect(result.comments[0].flags.contains("template"))
        #expect(result.comments[1].flags.contains("template"))
        #expect(result.comments[0].cluster == result.comments[1].cluster)
        #expect(!result.comments[2].flags.contains("template"))
    }

    @Test func aTemplateWithItsContentWordsSwappedIsOneCluster() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "first", "That is a remarkable outcome worth following closely."),
            comment("b", "second", "This is a notable result worth tracking closely."),
            comment("c", "third", "Sharing the cost fifty-fifty sounds fair if the port jobs really come."),
        ]
        let result = try CommentScreener.standard(encoder: encoder).screen(thread, article: article)
        #expect(result.comments[0].flags.contains("template"), "\(result.comments[0])")
        #expect(result.comments[0].cluster != nil && result.comments[0].cluster == result.comments[1].cluster)
        #expect(result.comments[2].flags.isEmpty, "\(result.comments[2]) \(result.comments[1])")
    }

    @Test func threeAccountsMakingOnePointInTheirOwnWordsAreOneTemplate() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "first", "Twelve years tied to one partner is far too long. Parliament should tear this deal up."),
            comment("b", "second", "Tying ourselves to a single partner for twelve years is far too long. MPs must throw this deal out."),
            comment("c", "third", "No nation should bind itself to one partner for twelve years. Vote this agreement down."),
            comment("d", "fourth", "My cousin drives trucks at the container port and says the night shifts are already short-staffed."),
            comment("e", "fifth", "If the first trains only run in 2030, who pays for the port upgrades until then?"),
        ]
        let result = try CommentScreener.standard(encoder: encoder).screen(thread, article: article)
        for index in 0..<3 { #expect(result.comments[index].flags.contains("template"), "\(result.comments[index])") }
        #expect(Set((0..<3).map { result.comments[$0].cluster }).count == 1)
        for index in 3..<5 { #expect(!result.comments[index].flags.contains("template"), "\(result.comments[index])") }
    }

    @Test func threeAccountsRewordingOnePointFarFromTheRestAreOneTemplate() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment("a", "ana", "Tying the country to one partner for twelve years is reckless, we lose any say over our own trade for a decade."),
            comment("b", "bo", "The unions are right to worry, automated cranes already halved jobs at the southern terminal."),
            comment(
                "c", "cy", "Locking the country into one partner's deal until the late 2030s is madness, our trade choices are gone for a decade."),
            comment("d", "di", "Does anyone know if the freight trains will run at night? Our house backs onto the old line."),
            comment(
                "e", "ed",
                "Binding ourselves to one foreign power for over a decade? Our hands will be tied on trade long after this government is gone."),
            comment("f", "fi", "Publishing the full text before the vote seems like the least they can do."),
        ]
        var screener = try CommentScreener.standard(encoder: encoder)
        let result = screener.screen(thread, article: article)
        for index in [0, 2, 4] { #expect(result.comments[index].flags.contains("template"), "\(result.comments[index])") }
        #expect(Set([0, 2, 4].map { result.comments[$0].cluster }).count == 1)
        for index in [1, 3, 5] { #expect(result.comments[index].flags.isEmpty, "\(result.comments[index])") }
        // Pair by pair, the three are not all alike enough to be called one comment reworded.
        screener.thresholds.templateSetApart = 1
        let pairwise = screener.screen(thread, article: article).comments
        #expect(!([0, 2, 4].allSatisfy { pairwise[$0].flags.contains("template") } && Set([0, 2, 4].map { pairwise[$0].cluster }).count == 1))
    }

    @Test func peopleTellingTheirOwnExperienceOfOnePointAreNotATemplate() throws {
        let encoder = try #require(Self.encoder)
        let thread = [
            comment(
                "a", "ana",
                "I drive a delivery van out of the northern port and the border road is already jammed every morning, the freight trains can't come soon enough for me."
            ),
            comment("b", "bo", "Publishing the full text before the vote seems like the least they can do."),
            comment(
                "c", "cy",
                "My husband drives containers from the northern port to the border and sits in that jam for two hours most mornings, so I'm all for moving freight onto the rail link."
            ),
            comment(
                "d", "di",
                "I work shifts at the container terminal and my commute along that route crawls behind the lorries. Put the cargo on rail."
            ),
        ]
        let result = try CommentScreener.standard(encoder: encoder).screen(thread, article: article)
        for screening in result.comments { #expect(!screening.flags.contains("template"), "\(screening)") }
        #expect(OwnExperience.speaks("I’ve lived here for years") && !OwnExperience.speaks("Our kids deserve better, and so do we."))
    }

    @Test func withoutTheEncoderTheSummarySaysSo() throws {
        let result = try CommentScreener.standard(encoder: nil).screen([comment("a", "x", "Great read.")], article: article)
        #expect(result.method == "words")
        #expect(result.summary.text.contains("sentence encoder is not installed"))
    }
}
