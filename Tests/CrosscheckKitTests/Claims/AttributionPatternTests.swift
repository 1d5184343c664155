import Foundation
import Testing

@testable import CrosscheckKit

/// The attribution tagger on news grammar written for these tests: titles before names, speech
/// verbs other than "said", speakers before and after the quotation, a speaker carried over to the
/// next quotation paragraph, partial quotations inside reported speech, reported speech without
/// marks, and scare quotes that nobody is speaking.
@Suite("Attribution patterns")
struct AttributionPatternTests {
    static let tagger: AttributionTagger? = AttributionParityTests.tagger

    func items(_ text: String) throws -> [SpeechExtraction.Item] {
        let tagger = try #require(Self.tagger, "the shipped attribution tagger should load")
        return tagger.relations(in: text)
    }

    func covering(_ items: [SpeechExtraction.Item], _ phrase: String, in text: String) -> SpeechExtraction.Item? {
        let scalars = Array(text.unicodeScalars)
        guard let range = text.range(of: phrase) else { return nil }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        let end = start + phrase.unicodeScalars.count
        _ = scalars
        return items.first { $0.start <= start && end <= $0.end }
    }

    @Test func aTitleIsNotTheSpeaker() throws {
        let text = "“We can rebuild the pier before the storms,” said Dr. Amara Osei, a coastal engineer at Harlow University."
        let item = try #require(covering(try items(text), "rebuild the pier", in: text))
        #expect(item.kind == .direct)
        #expect(item.speaker?.contains("Amara Osei") == true, "\(item)")
    }

    @Test func speakerBeforeTheQuotation() throws {
        let text = "Harbour Commissioner Lena Voss put it bluntly: “The tide gauges have been failing for a decade.”"
        let item = try #require(covering(try items(text), "tide gauges", in: text))
        #expect(item.speaker?.contains("Voss") == true, "\(item)")
    }

    @Test func speechVerbsBeyondSaid() throws {
        let text =
            "Defence Minister Tomas Berg condemned the plan as “a reckless gamble with public money,” "
            + "while Finance Minister Ana Ruiz warned that the cost “could double within five years.”"
        let found = try items(text)
        let first = try #require(covering(found, "reckless gamble", in: text))
        #expect(first.speaker?.contains("Berg") == true, "\(first)")
        let second = try #require(covering(found, "could double", in: text))
        #expect(second.speaker?.contains("Ruiz") == true, "\(second)")
    }

    @Test func theSpeakerIsTheNameNotTheWordsAfterIt() throws {
        let text = "“The fund will not be touched,” said Treasury Secretary Mira Lund on Thursday, after the vote."
        let item = try #require(covering(try items(text), "will not be touched", in: text))
        #expect(item.speaker == "Mira Lund", "\(item)")
        // A name that goes on in lower case is not cut short.
        #expect(SpeakerNames.name(in: "White House press secretary Josh Earnest") == "White House press secretary Josh Earnest")
        #expect(SpeakerNames.name(in: "Councillor Ray Duarte in a statement") == "Ray Duarte")
    }

    @Test func theSpeakerCarriesOverToTheNextQuotationParagraph() throws {
        let text = """
            “The council has ignored three warnings,” said Marta Kowalczyk, who chairs the residents' association.

            “We will take this to court if we have to. Nobody here wants that, but nobody will stand aside either.”
            """
        let item = try #require(covering(try items(text), "take this to court", in: text))
        #expect(item.speaker?.contains("Kowalczyk") == true, "\(item)")
    }

    @Test func reportedSpeechWithoutMarks() throws {
        let text = "The transport secretary said on Tuesday that the new line would open two years late."
        let item = try #require(covering(try items(text), "the new line would open", in: text))
        #expect(item.kind == .indirect)
        #expect(item.speaker?.lowercased().contains("secretary") == true, "\(item)")
    }

    @Test func aPartialQuotationInsideReportedSpeechIsOneRelation() throws {
        let text = "Ruiz told reporters the budget was “dead on arrival” in its present form."
        let found = try items(text)
        let item = try #require(covering(found, "dead on arrival", in: text))
        #expect(item.kind == .partial)
        #expect(item.speaker?.contains("Ruiz") == true, "\(item)")
        #expect(found.count == 1)
    }

    @Test func scareQuotesAreNotSpeech() throws {
        let text = "The so-called “reform” cut the number of inspectors from 40 to 12 over two years."
        #expect(covering(try items(text), "reform", in: text) == nil)
    }

    @Test func aPronounTakesTheNameGivenEarlier() throws {
        let text = "Council leader Priya Nair defended the budget on Monday. She said the savings were “real and lasting.”"
        let item = try #require(covering(try items(text), "real and lasting", in: text))
        #expect(item.speaker?.contains("Nair") == true, "\(item)")
    }
}
