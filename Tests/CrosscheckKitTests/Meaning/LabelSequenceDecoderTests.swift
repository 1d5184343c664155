import Testing

@testable import CrosscheckKit

/// Reading a tagger's words as one sequence of labels: a run the words around it agree on stays
/// whole through one unsure word, sure words keep their label, and a table that is no table is refused.
@Suite("Label sequence decoding")
struct LabelSequenceDecoderTests {
    // Labels: 0 O, 1 B-CONTENT, 2 I-CONTENT, in about the proportions of the attribution
    // tagger's training data: inside a content run the next word is nearly always inside it too;
    // outside, O follows O.
    static let counts: [[Double]] = [
        [900, 22, 7],
        [4, 0, 96],
        [45, 1, 940],
    ]

    static func word(_ o: Double, _ begin: Double, _ inside: Double) -> [Double] { [o, begin, inside] }

    @Test func anUnsureWordInsideARunStaysInIt() throws {
        let decoder = try LabelSequenceDecoder(counts: Self.counts, transitionWeight: 0.7)
        let words = [
            Self.word(0.98, 0.01, 0.01), Self.word(0.01, 0.98, 0.01), Self.word(0.02, 0.0, 0.98),
            // One word the tagger leans to call outside the quotation, between two it is sure of.
            Self.word(0.55, 0.0, 0.45),
            Self.word(0.02, 0.0, 0.98), Self.word(0.98, 0.0, 0.02),
        ]
        let eachAlone = words.map { word in word.indices.max { word[$0] < word[$1] }! }
        #expect(eachAlone == [0, 1, 2, 0, 2, 0])
        #expect(decoder.decode(words) == [0, 1, 2, 2, 2, 0])
    }

    @Test func sureWordsKeepTheirLabels() throws {
        let decoder = try LabelSequenceDecoder(counts: Self.counts, transitionWeight: 0.7)
        let words = [Self.word(0.98, 0.01, 0.01), Self.word(0.01, 0.98, 0.01), Self.word(0.01, 0.01, 0.98), Self.word(0.98, 0.01, 0.01)]
        #expect(decoder.decode(words) == [0, 1, 2, 0])
        // A quotation that goes on after words outside it (I- after O: rare, but the tagger can
        // still say so when it is sure of the words between).
        let continued = [
            Self.word(0.01, 0.98, 0.01), Self.word(0.98, 0.01, 0.01), Self.word(0.98, 0.01, 0.01), Self.word(0.01, 0.01, 0.98),
        ]
        #expect(decoder.decode(continued) == [1, 0, 0, 2])
        #expect(decoder.decode([]) == [])
    }

    @Test func refusesATableThatIsNotSquareCounts() {
        #expect(throws: CrosscheckError.self) { try LabelSequenceDecoder(counts: [[1, 2], [3]]) }
        #expect(throws: CrosscheckError.self) { try LabelSequenceDecoder(counts: []) }
        #expect(throws: CrosscheckError.self) { try LabelSequenceDecoder(counts: [[1, -2], [3, 4]]) }
        #expect(throws: CrosscheckError.self) { try LabelSequenceDecoder(counts: [[1]], transitionWeight: -1) }
    }
}
