import Testing

@testable import CrosscheckKit

@Suite("Credits a story ends on")
struct EndCreditsTests {
    let story = [
        "The harbour board approved the dredging plan on Tuesday by five votes to two.",
        "Work is due to start in April and will take eleven weeks, the board's chair said.",
    ]

    @Test(arguments: [
        "Mara Ellis contributed reporting.",
        "Additional reporting by Tom Roe in Wellington.",
        "The Harbour Weekly is written and edited by Jo Tan. Tips and corrections: jo@harbourweekly.example",
        "Local democracy reporting is public interest journalism funded by the regional broadcaster.",
        "This story was supported by a grant from the Coastal Press Fund.",
        "The Harbour Weekly is an independent newsroom. If you value our reporting, please consider supporting us from £4 a month.",
    ])
    func aCreditAtTheEndIsNotTheStory(credit: String) {
        #expect(EndCredits.removing(from: story + [credit]) == story)
    }

    @Test(arguments: [
        "The dredging is funded by the port company and a government grant.",
        "The plan was written and edited by the board's engineers over two years, the chair said.",
        "Residents who want to support the appeal against the plan can donate at the library, its organisers said.",
    ])
    func theStorysOwnLastSentenceStays(line: String) {
        let paragraphs = story + [line]
        #expect(EndCredits.removing(from: paragraphs) == paragraphs)
    }

    @Test func aCreditInTheMiddleStays() {
        let paragraphs = [story[0], "Mara Ellis contributed reporting.", story[1]]
        #expect(EndCredits.removing(from: paragraphs) == paragraphs)
    }
}
