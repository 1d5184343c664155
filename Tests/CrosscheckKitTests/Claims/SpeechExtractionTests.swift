import Testing

@testable import CrosscheckKit

/// Quotations and reported speech as `crosscheck batch quotes` gives them: spans of what was
/// said, with the speaker and the kind.
@Suite("Quotations and reported speech")
struct SpeechExtractionTests {
    func said(_ text: String) -> [(String, String?, String)] {
        let scalars = Array(text.unicodeScalars)
        return SpeechExtraction.items(in: text).map { item in
            (String(String.UnicodeScalarView(scalars[item.start..<item.end])), item.speaker, item.kind.rawValue)
        }
    }

    @Test func directQuotationWithItsMarksAndSpeaker() {
        let items = said("Ferry service resumes\n\n“We have waited three winters for this,” said Owen Brightwater, the council's transport chair.")
        #expect(items.count == 1)
        #expect(items.first?.0 == "“We have waited three winters for this,”")
        #expect(items.first?.1 == "Owen Brightwater")
        #expect(items.first?.2 == "direct")
    }

    @Test func reportedSpeechAfterTheVerb() {
        let items = said("Ferry service resumes\n\nOwen Brightwater said that the first sailing would leave in January 2027.")
        #expect(items.count == 1)
        #expect(items.first?.0 == "the first sailing would leave in January 2027")
        #expect(items.first?.1 == "Owen Brightwater")
        #expect(items.first?.2 == "indirect")
    }

    @Test func reportedSpeechBeforeTheSource() {
        let items = said("Ferry service resumes\n\nThe route will cost $12 million over four years, Ruth Delaney said.")
        #expect(items.first?.0 == "The route will cost $12 million over four years")
        #expect(items.first?.1 == "Ruth Delaney")
    }

    @Test func quotedWordsInsideReportedSpeechAreOneMixedRelation() {
        let items = said("Ferry service resumes\n\nRuth Delaney said the fuel forecast was “wildly optimistic” and would need a subsidy.")
        #expect(items.count == 1)
        #expect(items.first?.0 == "the fuel forecast was “wildly optimistic” and would need a subsidy")
        #expect(items.first?.2 == "partial")
    }

    @Test func aSentenceOfTheWritersOwnIsNotSpeech() {
        #expect(said("Ferry service resumes\n\nThe crossing to Kell takes about 50 minutes.").isEmpty)
    }
}

extension SpeechExtractionTests {
    @Test func aQuotationInterruptedByItsAttributionIsOneRelation() {
        let items = said("Ferry service resumes\n\n“We waited three winters,” Owen Brightwater said. “This ends that.”")
        #expect(items.count == 1)
        #expect(items.first?.0 == "“We waited three winters,” Owen Brightwater said. “This ends that.”")
        #expect(items.first?.1 == "Owen Brightwater")
    }

    @Test func speakerAfterALongTitle() {
        let items = said(
            "Ferry service resumes\n\n“The islands were cut off for two winters,” said former transport minister Ana Ruiz, who chaired the inquiry.")
        #expect(items.first?.1 == "Ana Ruiz")
    }
}
