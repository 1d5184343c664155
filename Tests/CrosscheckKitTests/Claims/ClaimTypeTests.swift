import Testing

@testable import CrosscheckKit

@Suite("Claim types")
struct ClaimTypeTests {
    @Test(arguments: [
        ("Unemployment fell to 4.1 percent in March.", ClaimType.statistic),
        ("The project will cost $2.3 billion.", .statistic),
        ("Port Alder is the state's third-largest city.", .statistic),
        ("More than 10,000 people attended the rally.", .quantity),
        ("Crime doubled in the decade after the mill closed.", .quantity),
        ("The river is longer than the canal.", .quantity),
        ("The bridge opened on March 3, 2026.", .date),
        ("The ferry stopped running in 2019.", .date),
        ("“We will rebuild,” the mayor said.", .quote),
        ("Officials said the road would reopen.", .attribution),
        ("According to the county clerk, turnout was low.", .attribution),
        ("Prices rose because the harvest failed.", .causal),
        ("The closure led to longer commutes.", .causal),
        ("Fares will rise next year.", .prediction),
        ("The deficit is expected to shrink.", .prediction),
        ("The senate passed the bill on Thursday.", .legal),
        ("The treaty bans testing in the region.", .legal),
        ("The court ruled that the ban was unlawful.", .legal),
    ])
    func eachType(sentence: String, expected: ClaimType) throws {
        let result = analyze(sentence)
        let claim = try #require(result.claims.first)
        #expect(claim.types.contains(expected.rawValue), "\(claim.types)")
        #expect(!claim.types.contains("opinion"))
    }

    @Test(arguments: ["What a wonderful evening this has been.", "I think we can all agree on that.", "Thank you so much."])
    func opinionWhenNothingIsCheckable(sentence: String) throws {
        let claim = try #require(analyze(sentence).claims.first)
        #expect(claim.types == ["opinion"])
    }
}

@Suite("Entities, quantities and dates")
struct EntityQuantityDateTests {
    func spans(_ text: String) -> (scalars: [Unicode.Scalar], span: TextSpan) {
        let scalars = Array(text.unicodeScalars)
        return (scalars, TextSpan(start: 0, end: scalars.count))
    }

    @Test func entitiesWithKindsAndTitles() {
        let text = "Mayor Dana Whitfield met officials from the Bank of England and the Port Authority in London to discuss the Clean Air Act."
        let (scalars, span) = spans(text)
        let found = EntityRecognizer().entities(in: scalars, span: span)
        let byText = Dictionary(found.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["Dana Whitfield"]?.kind == .person)
        #expect(byText["Dana Whitfield"]?.title == "Mayor")
        #expect(byText["Bank of England"]?.kind == .organization)
        #expect(byText["Port Authority"]?.kind == .organization)
        #expect(byText["London"]?.kind == .place)
        #expect(byText["Clean Air Act"]?.kind == .document)
        for entity in found { #expect(scalars.text(TextSpan(start: entity.start, end: entity.end)) == entity.text) }
    }

    @Test func quantitiesWithUnitsAndApproximations() {
        let text =
            "Over 10,000 people signed, about a third of voters, and costs rose 1.2% to $48 million, up 3 percentage points; the vote was 7 to 2 after nearly 18 months."
        let (scalars, span) = spans(text)
        let found = QuantityExtractor().quantities(in: scalars, span: span)
        func find(_ prefix: String) -> QuantityMention? { found.first { $0.text.hasPrefix(prefix) } }
        #expect(find("Over 10,000")?.value == 10_000)
        #expect(find("Over 10,000")?.approximation == .moreThan)
        #expect(find("Over 10,000")?.unit == "people")
        #expect(abs((find("about a third")?.value ?? 0) - 1.0 / 3) < 1e-9)
        #expect(find("about a third")?.approximation == .about)
        #expect(abs((find("1.2%")?.value ?? 0) - 0.012) < 1e-12)
        #expect(find("1.2%")?.unit == "percent")
        #expect(find("$48 million")?.value == 48_000_000)
        #expect(find("$48 million")?.unit == "USD")
        #expect(find("3 percentage")?.unit == "percentage_points")
        #expect(find("7 to 2")?.secondValue == 2)
        #expect(find("nearly 18 months")?.approximation == .lessThan)
        for quantity in found { #expect(scalars.text(TextSpan(start: quantity.start, end: quantity.end)) == quantity.text) }
    }

    @Test func yearsAndNamesAreNotQuantities() {
        let (scalars, span) = spans("The 1968 bridge on Route 9 was rebuilt in 2024.")
        #expect(QuantityExtractor().quantities(in: scalars, span: span).isEmpty)
    }

    @Test func datesNormalised() {
        let text = "It opened on March 3, 2026, closed 4 May 2025, reopened in June 2024, was sold in 2019, and inspected on Tuesday and last year."
        let (scalars, span) = spans(text)
        let reference = DateNormalizer.date("2026-03-05")
        let values = DateExtractor(reference: reference).dates(in: scalars, span: span).map { "\($0.text)=\($0.value ?? "-")" }
        #expect(
            values == ["March 3, 2026=2026-03-03", "4 May 2025=2025-05-04", "June 2024=2024-06", "2019=2019", "Tuesday=2026-03-03", "last year=2025"])
    }
}
