import Testing

@testable import CrosscheckKit

@Suite("Quotations and speakers")
struct QuotationTests {
    func speakers(_ text: String) -> [String?] {
        analyze(text).quotations.filter { $0.kind != .scare }.map(\.speaker)
    }

    @Test func speakerBeforeVerbAfterQuote() {
        #expect(speakers("“The cables are failing,” Nair said.") == ["Nair"])
    }

    @Test func invertedSaidWithTitleAndAppositive() {
        #expect(speakers("“It will hold,” said Tom Reyes, the city's chief engineer.") == ["Tom Reyes"])
        #expect(speakers("“It will hold,” said the city's chief engineer, Tom Reyes.") == ["Tom Reyes"])
    }

    @Test func speakerBeforeTheQuote() {
        #expect(speakers("Dana Whitfield said: “We are done waiting.”") == ["Dana Whitfield"])
        #expect(speakers("According to Priya Nair, “the money is already there.”") == ["Priya Nair"])
    }

    @Test func quoteAfterASentenceNamingTheSpeaker() {
        let text = "Helen Cho told the board on Monday that attendance rose.\n\n“Children who eat in the morning learn in the morning.”"
        #expect(speakers(text) == ["Helen Cho"])
    }

    @Test func surnameAndTitleResolveToTheFullName() {
        let text = "Mayor Dana Whitfield opened the meeting. “We will vote tonight,” Whitfield said. “No more delays,” the mayor added."
        #expect(speakers(text) == ["Dana Whitfield", "Dana Whitfield"])
    }

    @Test func pronounResolvesToTheLastPerson() {
        let text = "Councillor Ray Duarte voted no. “This is a blank cheque,” he said."
        #expect(speakers(text) == ["Ray Duarte"])
    }

    @Test func partialQuote() {
        let result = analyze("Councillor Ray Duarte, who voted against the plan, called it “a blank cheque” and left.")
        let quote = result.quotations.first
        #expect(quote?.kind == .partial)
        #expect(quote?.speaker == "Ray Duarte")
    }

    @Test func quoteFromADocument() {
        let result = analyze("“Each party shall reduce emissions by half,” reads Article 4 of the Harbour Treaty.")
        #expect(result.quotations.first?.speaker == "Article 4 of the Harbour Treaty")
        #expect(claim(result, "“Each")?.attribution.kind == "named")
    }

    @Test func scareQuotesAreKeptApart() throws {
        let result = analyze("Inspectors rated the deck “fair” and the cables “poor”.")
        #expect(result.quotations.map(\.kind) == [.scare, .scare])
        let sentence = try #require(result.claims.first)
        #expect(sentence.quote == nil)
        #expect(sentence.scareQuotes == ["fair", "poor"])
        #expect(!sentence.types.contains("quote"))
    }

    @Test func quoteSpansIndexTheText() {
        let text = "Café owner Renée Dubois said: “Prices went up 20%.”"
        let scalars = Array(text.unicodeScalars)
        let quote = analyze(text).quotations.first!
        #expect(scalars.text(TextSpan(start: quote.start, end: quote.end)) == quote.text)
    }
}

@Suite("Sourcing")
struct SourcingTests {
    @Test(arguments: [
        "Officials said the bridge would close.", "Analysts note that rents have doubled.",
        "Sources say the deal is done.", "Experts believe the virus will spread.",
        "According to reports, the mill will close.", "Critics argue the plan costs too much.",
        "The minister is reportedly planning to resign.", "A senior official said talks had stalled.",
        "Estimates indicate that the plant makes 40 drones a month.",
    ])
    func anonymous(sentence: String) throws {
        let claim = try #require(analyze(sentence).claims.first)
        #expect(claim.attribution.kind == "anonymous", "\(claim.attribution)")
    }

    @Test(arguments: [
        ("Priya Nair said the state would pay.", "Priya Nair"),
        ("According to the Port Alder Transit Authority, ridership fell.", "Port Alder Transit Authority"),
        ("The city's transportation department said the lane would close.", "The city's transportation department"),
        ("A report by the Harbour Institute found that rents rose 12 percent.", "Harbour Institute"),
        ("According to the Harbour Review, rents rose 12 percent.", "Harbour Review"),
    ])
    func named(sentence: String, source: String) throws {
        let claim = try #require(analyze(sentence).claims.first)
        #expect(claim.attribution.kind == "named", "\(claim.attribution)")
        #expect(claim.attribution.source == source)
    }

    /// The finer sourcing kind a reader is shown: a person, a named body, a record, a vague group.
    @Test(arguments: [
        ("Councillor Ray Duarte said the vote was rigged.", "named", "Ray Duarte"),
        ("The Harbour Transit Authority said fares would rise in May.", "institution", "Harbour Transit Authority"),
        ("The Treasury and the Federal Reserve announced a joint review on Friday.", "institution", "The Treasury and the Federal Reserve"),
        ("Canada, Mexico and Chile announced new tariffs on steel.", "institution", "Canada, Mexico and Chile"),
        ("Ottawa said the tariffs would take effect in June.", "institution", "Ottawa"),
        ("According to the official minutes, the board voted 5-4 to sell the land.", "document", "the official minutes"),
        ("According to the audit, the agency overspent by $3 million.", "document", "the audit"),
        ("Western intelligence estimates indicate that the plant makes 40 drones a month.", "anonymous", "Western intelligence"),
        ("Analysts said the merger could cut 900 jobs.", "anonymous", "Analysts"),
        ("The ferry will run twice a day from May, the operator, Island Lines, said on Monday.", "institution", "Island Lines"),
        ("Fares will rise 8 percent in June, the city's transport chief, Mara Quist, told the council.", "named", "Mara Quist"),
    ])
    func sourcingKinds(sentence: String, sourcing: String, source: String) throws {
        let claim = try #require(analyze(sentence).claims.first)
        #expect(claim.attribution.sourcing == sourcing, "\(claim.attribution)")
        #expect(claim.attribution.source == source, "\(claim.attribution)")
        #expect(claim.attribution.kind == (sourcing == "anonymous" ? "anonymous" : "named"))
    }

    /// A capital keeping or doing something is not a source; speaking, it is its government.
    @Test func aCapitalIsASourceOnlyWhenItSpeaks() throws {
        let keeps = try #require(analyze("Caracas maintains a fleet of 40 patrol boats on the coast.").claims.first)
        #expect(keeps.attribution.kind == "none", "\(keeps.attribution)")
        let speaks = try #require(analyze("Caracas maintains that the patrol boats never left port.").claims.first)
        #expect(speaks.attribution.sourcing == "institution", "\(speaks.attribution)")
    }

    @Test(arguments: ["Rents rose 12 percent last year.", "The bridge carries 41,000 vehicles a day."])
    func none(sentence: String) throws {
        let claim = try #require(analyze(sentence).claims.first)
        #expect(claim.attribution.kind == "none")
    }

    @Test func summaryListsAnonymousAndUnattributedCheckworthyClaims() throws {
        let model = try CheckworthinessModel.bundled()
        let text =
            "Officials said unemployment fell to 3.1 percent in March. Rents rose 12 percent last year, the highest rise on record. Priya Nair said the state would pay $4 million. What a lovely day."
        let result = analyze(text, model: model)
        #expect(result.summary.anonymous == ["s1"])
        #expect(result.summary.unattributed == ["s2"])
        #expect(!result.summary.unattributed.contains("s4"))
    }
}
