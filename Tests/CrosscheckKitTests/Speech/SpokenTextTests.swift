import CrosscheckKit
import Testing

@Suite("Spoken text")
struct SpokenTextTests {
    @Test(arguments: [
        ("The deal is worth $48 million.", "The deal is worth forty-eight million dollars."),
        ("It cost $1.50 a ride.", "It cost one dollar and fifty cents a ride."),
        ("A $1 coin.", "A one dollar coin."),
        ("€3.5bn was spent", "three point five billion euros was spent"),
        ("£2,400 in fines", "two thousand four hundred pounds in fines"),
        ("US$5 billion", "five billion U S dollars"),
    ])
    func money(written: String, spoken: String) {
        #expect(SpokenText.normalize(written) == spoken)
    }

    @Test(arguments: [
        ("up 1.2% on the year", "up one point two percent on the year"),
        ("rose 40 per cent", "rose forty percent"),
        ("1,200 people", "one thousand two hundred people"),
        ("0.5 points", "zero point five points"),
        ("the 3rd phase and the 21st century", "the third phase and the twenty-first century"),
        ("a fall of -3 degrees", "a fall of minus three degrees"),
        ("12 ships and 40k troops", "twelve ships and forty thousand troops"),
        ("1,000,000 doses", "one million doses"),
    ])
    func numbers(written: String, spoken: String) {
        #expect(SpokenText.normalize(written) == spoken)
    }

    @Test(arguments: [
        ("by 2027", "by twenty twenty-seven"),
        ("in 1999 and 2005", "in nineteen ninety-nine and two thousand five"),
        ("in 1900", "in nineteen hundred"),
        ("from 2019-21", "from twenty nineteen to twenty twenty-one"),
        ("signed on 2026-11-02.", "signed on November second, twenty twenty-six."),
    ])
    func dates(written: String, spoken: String) {
        #expect(SpokenText.normalize(written) == spoken)
    }

    @Test(arguments: [
        ("said Dr. Lee Sung-yoon", "said Doctor Lee Sung-yoon"),
        ("U.S. officials", "U S officials"),
        ("Gen. Park and Sen. Warren", "General Park and Senator Warren"),
        ("No. 10 said", "number ten said"),
        ("allies, e.g. Japan", "allies, for example Japan"),
        ("at 9 a.m. today", "at nine A M today"),
        ("Smith & Wesson", "Smith and Wesson"),
    ])
    func abbreviations(written: String, spoken: String) {
        #expect(SpokenText.normalize(written) == spoken)
    }

    @Test func textWithoutNumbersOrAbbreviationsIsUnchanged() {
        let text = "The minister condemned the partnership as a serious threat."
        #expect(SpokenText.normalize(text) == text)
    }
}
