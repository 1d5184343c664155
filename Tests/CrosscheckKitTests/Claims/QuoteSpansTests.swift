import Foundation
import Testing

@testable import CrosscheckKit

/// The spans of quotations after the tagger's and the rules' findings are put together: one relation
/// per quotation, with its marks, inside its paragraph.
@Suite("Quotation spans")
struct QuoteSpansTests {
    /// Tidies the spans of `text` that `pieces` (each a substring, found in order) cover.
    func tidied(_ text: String, _ pieces: [(String, Quotation.Kind)], speaker: String? = nil) -> [(String, String)] {
        let scalars = Array(text.unicodeScalars)
        var from = text.startIndex
        let items = pieces.map { piece, kind -> SpeechExtraction.Item in
            let range = text.range(of: piece, range: from..<text.endIndex)!
            from = range.upperBound
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            return SpeechExtraction.Item(start: start, end: start + piece.unicodeScalars.count, speaker: speaker, kind: kind)
        }
        return QuoteSpans.tidied(items, scalars: scalars).map { item in
            (String(String.UnicodeScalarView(scalars[item.start..<item.end])), item.kind.rawValue)
        }
    }

    @Test func aQuotationInterruptedByALongAttributionIsOneRelation() {
        let text =
            "“The pier will not survive another storm,” said Marta Oyelaran, an engineer who has inspected it twice since the spring. “We should close it now.”"
        let items = tidied(text, [("“The pier will not survive another storm,”", .direct), ("“We should close it now.”", .direct)])
        #expect(items.count == 1)
        #expect(items.first?.0 == text)
        #expect(items.first?.1 == "direct")
    }

    @Test func quotationsInDifferentParagraphsOrWithAnotherQuoteBetweenStayApart() {
        let paragraphs = "“The pier is unsafe,” she said.\n\n“We should close it now,” she added."
        #expect(tidied(paragraphs, [("“The pier is unsafe,”", .direct), ("“We should close it now,”", .direct)]).count == 2)
        let quotedBetween = "“The pier is unsafe,” she said, calling the repair “a patch.” “Close it,” she added."
        #expect(tidied(quotedBetween, [("“The pier is unsafe,”", .direct), ("“Close it,”", .direct)]).count == 2)
    }

    @Test func aSpanNeverCrossesAParagraphBreak() {
        let text = "Was the ferry safe to sail?\n\n“Nobody told us it was not,” the captain said."
        let items = tidied(text, [("Was the ferry safe to sail?\n\n“Nobody told us it was not,”", .partial)])
        #expect(items.map(\.0) == ["Was the ferry safe to sail?", "“Nobody told us it was not,”"])
        #expect(items.map(\.1) == ["indirect", "direct"])
    }

    @Test func aSpanReachesTheMarksItStopsJustShortOf() {
        let text = "The mayor said, “the festival brought more visitors than ever.”"
        let items = tidied(text, [("the festival brought more visitors than ever.", .partial)])
        #expect(items.map(\.0) == ["“the festival brought more visitors than ever.”"])
        #expect(items.map(\.1) == ["direct"])
        let farInside = "The mayor said, “by every count, the festival brought more visitors than ever.”"
        #expect(tidied(farInside, [("the festival brought more visitors than ever.", .partial)]).first?.0.hasPrefix("the festival") == true)
    }

    @Test func aQuotationEndsBeforeTheAttributionThatFollowsIt() {
        let text = "“You knew the bridge was failing,” the mayor told the council on Tuesday, reading from the report."
        let items = tidied(text, [("“You knew the bridge was failing,” the mayor told the council on Tuesday", .partial)])
        #expect(items.first?.0 == "“You knew the bridge was failing,”")
        #expect(items.first?.1 == "direct")
        let noVerb = "“Harbour Nights” and its sequel drew crowds."
        #expect(tidied(noVerb, [("“Harbour Nights” and its sequel drew crowds", .partial)]).first?.1 == "partial")
    }

    @Test func reportedSpeechKeepsItsSpan() {
        let text = "The mayor said the bridge would reopen in May.\nShe added that tolls would stay."
        let items = tidied(text, [("the bridge would reopen in May.\nShe added that tolls would stay", .indirect)])
        #expect(items.count == 1)
        #expect(items.first?.1 == "indirect")
    }
}
