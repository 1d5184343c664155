import Testing

@testable import CrosscheckKit

@Suite("Sentence segmentation")
struct SentenceSegmenterTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSegmenter().sentences(in: scalars).map { scalars.text($0) }
    }

    @Test(arguments: [
        (
            "The U.S. Senate voted 52 to 48. The bill now goes to the House.",
            ["The U.S. Senate voted 52 to 48.", "The bill now goes to the House."]
        ),
        (
            "Dr. Amara Singh and Mr. Lee met at No. 10 Downing St. on Friday. They spoke for an hour.",
            ["Dr. Amara Singh and Mr. Lee met at No. 10 Downing St. on Friday.", "They spoke for an hour."]
        ),
        (
            "Martin Luther King Jr. spoke first. Then the crowd marched.",
            ["Martin Luther King Jr. spoke first.", "Then the crowd marched."]
        ),
        (
            "President John F. Kennedy visited in 1963. J. R. R. Tolkien did not.",
            ["President John F. Kennedy visited in 1963.", "J. R. R. Tolkien did not."]
        ),
        (
            "Inflation fell to 3.2 percent. Prices rose 1,200.50 dollars on average.",
            ["Inflation fell to 3.2 percent.", "Prices rose 1,200.50 dollars on average."]
        ),
        (
            "Some fruits, e.g. apples, are cheap. Others are not.",
            ["Some fruits, e.g. apples, are cheap.", "Others are not."]
        ),
        ("He moved to the U.S. The move was sudden.", ["He moved to the U.S.", "The move was sudden."]),
        (
            "She works for Acme Inc. in Ohio. It employs 300 people.",
            ["She works for Acme Inc. in Ohio.", "It employs 300 people."]
        ),
        ("Wait... what happened? Nobody knows! Really.", ["Wait... what happened?", "Nobody knows!", "Really."]),
        ("He paused… Then he left.", ["He paused…", "Then he left."]),
        ("1. Cut the cables. 2. Replace them.", ["1. Cut the cables.", "2. Replace them."]),
        ("The meeting ended at 9 p.m. on Tuesday. Nobody spoke.", ["The meeting ended at 9 p.m. on Tuesday.", "Nobody spoke."]),
    ])
    func abbreviationsInitialsAndNumbers(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func quotationSpanningSentencesStaysWhole() {
        let text = "“The bridge is safe. We checked every cable,” said the engineer. Others disagreed."
        #expect(sentences(text) == ["“The bridge is safe. We checked every cable,” said the engineer.", "Others disagreed."])
        let straight = "\"Prices will fall. Trust me,\" he said. They did not."
        #expect(sentences(straight) == ["\"Prices will fall. Trust me,\" he said.", "They did not."])
    }

    @Test func quoteEndingASentence() {
        let text = "The mayor said: “We are done.” The council agreed."
        #expect(sentences(text) == ["The mayor said: “We are done.”", "The council agreed."])
    }

    @Test func unbalancedQuotesDoNotSwallowTheParagraph() {
        let text = "“The first paragraph of a long quote. It goes on. And on."
        #expect(sentences(text).count == 3)
    }

    @Test func sentencesNeverCrossParagraphs() {
        let text = "First paragraph without a stop\n\nSecond paragraph. With two sentences."
        #expect(sentences(text) == ["First paragraph without a stop", "Second paragraph.", "With two sentences."])
    }

    @Test func offsetsAreUnicodeScalars() {
        let text = "Café owners 👩‍🍳 protested. The city listened."
        let spans = SentenceSegmenter().sentences(in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(spans.count == 2)
        #expect(spans[1].start == scalars.count - "The city listened.".unicodeScalars.count)
        #expect(spans[1].end == scalars.count)
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func wordsNumbersAndPunctuation() {
        let tokens = Tokenizer().tokens(in: "The U.S. paid $1,200.50 for well-known art, didn't it?")
        #expect(tokens.map(\.text) == ["The", "U.S.", "paid", "$", "1,200.50", "for", "well-known", "art", ",", "didn't", "it", "?"])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .punctuation, .number, .word, .word, .word, .punctuation, .word, .word, .punctuation])
    }

    @Test func offsetsIndexScalars() {
        let text = "Ümit’s café — 3.5%"
        let scalars = Array(text.unicodeScalars)
        for token in Tokenizer().tokens(in: text) {
            #expect(scalars.text(token.span) == token.text)
        }
    }
}
