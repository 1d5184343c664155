/// Word lists the rule-based claim analysis relies on.
enum Lexicon {
    /// Titles that precede a person's name.
    static let personTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "mayor", "president", "senator", "sen", "rep",
        "representative", "gov", "governor", "councillor", "councilor", "councilman", "councilwoman", "judge",
        "justice", "chancellor", "minister", "secretary", "superintendent", "general", "gen", "officer", "sheriff",
        "commissioner", "chair", "chairman", "chairwoman", "director", "king", "queen", "pope", "prince",
        "princess", "lord", "lady", "sir", "dame", "rev", "father", "sister", "coach", "captain", "capt",
        "detective", "det", "inspector", "sergeant", "sgt", "lt", "col", "colonel", "premier", "deputy", "chief",
        "ambassador", "spokesman", "spokeswoman", "spokesperson", "vice", "prime", "attorney", "agent", "nurse",
        "speaker", "leader", "founder", "ceo", "economist", "analyst", "engineer", "board", "member", "clerk",
        "auditor", "treasurer", "controller", "coroner", "prosecutor", "lawyer", "manager", "administrator",
        "principal", "editor", "headteacher", "head", "dean", "provost", "rector", "bishop", "rabbi", "imam",
    ]

    /// Words that make a name an organisation.
    static let organizationWords: Set<String> = [
        "council", "department", "authority", "agency", "commission", "committee", "ministry", "office",
        "university", "college", "school", "institute", "association", "party", "court", "board", "bank", "inc",
        "corp", "corporation", "ltd", "llc", "plc", "company", "co", "group", "times", "post", "news", "ledger",
        "herald", "journal", "gazette", "tribune", "reuters", "service", "services", "administration", "congress",
        "senate", "house", "parliament", "police", "army", "navy", "union", "foundation", "fund", "organization",
        "organisation", "federation", "league", "club", "hospital", "center", "centre", "trust", "network",
        "press", "bureau", "district", "transit", "agency", "government", "cabinet", "assembly", "senate",
        "federal", "reserve", "nations", "alliance", "institution", "society", "coalition", "team", "airlines",
        "motors", "technologies", "systems", "labs", "media", "broadcasting", "studios", "holdings", "partners",
        "fc", "ministry", "directorate", "secretariat", "tribunal", "inc.", "corp.", "ltd.", "co.", "who", "nato",
    ]

    /// Words that make a name a place.
    static let placeWords: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "boulevard", "bridge", "river", "lake", "mountain",
        "mountains", "county", "city", "state", "province", "island", "islands", "valley", "park", "harbour",
        "harbor", "bay", "port", "square", "airport", "station", "beach", "coast", "sea", "ocean", "gulf", "hills",
        "heights", "quay", "lane", "way", "drive", "route", "highway", "canal", "district", "region", "territory",
        "republic", "kingdom", "peninsula", "desert", "forest", "village", "town", "borough",
    ]

    /// Words that make a name a document.
    static let documentWords: Set<String> = [
        "act", "law", "bill", "treaty", "accord", "agreement", "convention", "report", "constitution",
        "amendment", "article", "resolution", "directive", "regulation", "charter", "protocol", "declaration",
        "ordinance", "statute", "code", "plan", "budget", "study", "survey", "manifesto", "memo", "ruling",
    ]

    /// Countries, regions and large cities, lower-cased.
    static let places: Set<String> = [
        "afghanistan", "africa", "alabama", "alaska", "albania", "algeria", "america", "angola", "argentina",
        "arizona", "arkansas", "armenia", "asia", "australia", "austria", "azerbaijan", "bangladesh", "beijing",
        "belarus", "belgium", "berlin", "bolivia", "bosnia", "boston", "brazil", "britain", "brussels", "bulgaria",
        "cairo", "california", "cambodia", "cameroon", "canada", "chicago", "chile", "china", "colombia",
        "colorado", "congo", "connecticut", "croatia", "cuba", "cyprus", "czechia", "delaware", "denmark", "dubai",
        "ecuador", "egypt", "england", "estonia", "ethiopia", "europe", "finland", "florida", "france", "gaza",
        "georgia", "germany", "ghana", "greece", "guatemala", "haiti", "hawaii", "honduras", "hungary", "iceland",
        "idaho", "illinois", "india", "indiana", "indonesia", "iowa", "iran", "iraq", "ireland", "israel",
        "istanbul", "italy", "jamaica", "japan", "jordan", "kansas", "kazakhstan", "kentucky", "kenya", "korea",
        "kosovo", "kuwait", "lagos", "latvia", "lebanon", "libya", "lisbon", "lithuania", "london", "louisiana",
        "madrid", "maine", "malaysia", "mali", "maryland", "massachusetts", "mexico", "miami", "michigan",
        "minnesota", "mississippi", "missouri", "moldova", "montana", "morocco", "moscow", "mumbai", "myanmar",
        "nebraska", "nepal", "netherlands", "nevada", "nigeria", "norway", "ohio", "oklahoma", "oregon",
        "pakistan", "palestine", "panama", "paris", "pennsylvania", "peru", "philippines", "poland", "portugal",
        "qatar", "rome", "romania", "russia", "rwanda", "scotland", "senegal", "serbia", "seoul", "singapore",
        "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "sydney", "syria", "taiwan",
        "tennessee", "texas", "thailand", "tokyo", "toronto", "tunisia", "turkey", "uganda", "ukraine", "utah",
        "venezuela", "vermont", "vietnam", "virginia", "wales", "washington", "wisconsin", "wyoming", "yemen",
        "zambia", "zimbabwe", "u.s.", "u.s", "us", "usa", "uk", "u.k.", "eu", "europe", "kyiv", "kiev", "tehran",
        "baghdad", "kabul", "jerusalem", "delhi", "shanghai", "hong", "los", "angeles", "francisco", "york",
        "pyongyang", "damascus", "caracas", "havana", "riyadh", "ankara", "canberra", "ottawa", "hanoi", "manila",
        "bangkok", "jakarta", "islamabad", "kinshasa", "nairobi", "pretoria", "brasilia", "bogota", "warsaw",
        "prague", "vienna", "budapest", "athens", "stockholm", "oslo", "copenhagen", "helsinki", "dublin",
        "amsterdam", "minsk", "tbilisi", "baku", "yerevan", "doha", "beirut", "amman", "tripoli", "khartoum",
        "algiers", "rabat", "tunis", "dhaka", "taipei", "kremlin", "vatican",
    ]

    /// Capitalised words that open sentences without being names.
    static let commonCapitalised: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "he", "she", "it", "they", "we", "i", "you",
        "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "my", "as", "if", "when",
        "while", "after", "before", "since", "for", "however", "meanwhile", "still", "yet", "so", "then", "some",
        "many", "most", "one", "two", "what", "why", "how", "who", "where", "more", "other", "another", "both",
        "each", "all", "such", "not", "no", "by", "with", "from", "to", "under", "over", "during", "despite",
        "although", "though", "because", "unlike", "last", "next", "according", "officials", "critics", "also",
        "even", "only", "just", "now", "here", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "do", "does",
        "did", "is", "are", "was", "were", "will", "would", "can", "could", "should", "let", "let's", "every",
        "any", "few", "several", "much", "very", "well", "yes", "oh", "thanks", "thank", "please", "asked",
        "instead", "again", "first", "second", "third", "finally", "already", "about", "around", "nearly",
        "almost", "roughly", "perhaps", "maybe", "indeed", "analysts", "experts", "sources", "residents",
        "traffic", "inspections", "councillor", "mayor", "president", "agreed", "great", "good",
    ]

    /// Verbs of reported speech, in the forms news writing uses.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "argued", "argues", "warned", "warns", "noted",
        "notes", "stated", "states", "explained", "explains", "claimed", "claims", "insisted", "insists",
        "asked", "asks", "wrote", "writes", "announced", "announces", "according", "replied", "responded",
        "recalled", "declared", "acknowledged", "admitted", "estimated", "estimates", "reported", "reports",
        "predicted", "predicts", "believes", "believed", "suggested", "suggests", "confirmed", "confirms",
        "denied", "denies", "contended", "maintained", "maintains", "observed", "remarked", "tweeted", "posted",
        "reads", "read", "stresses", "stressed", "emphasised", "emphasized", "called", "describes", "described",
        "dubbed", "branded", "labelled", "labeled", "termed", "promised", "vowed", "pledged", "urged", "urges",
    ]

    /// Words that open numbers written out.
    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
        "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
    ]

    /// Fractions written out.
    static let fractionWords: [String: Double] = [
        "half": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25, "quarters": 0.25, "fifth": 0.2,
        "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
    ]

    /// Multipliers after a number.
    static let multipliers: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
        "trillion": 1e12, "tn": 1e12, "hundred": 100,
    ]

    /// Approximation words before a number, longest first.
    static let approximations: [([String], QuantityMention.Approximation)] = [
        (["more", "than"], .moreThan), (["less", "than"], .lessThan), (["fewer", "than"], .lessThan),
        (["at", "least"], .atLeast), (["at", "most"], .atMost), (["up", "to"], .atMost), (["no", "more", "than"], .atMost),
        (["close", "to"], .about), (["just", "over"], .moreThan), (["just", "under"], .lessThan),
        (["an", "estimated"], .about), (["about"], .about), (["around"], .about), (["approximately"], .about),
        (["roughly"], .about), (["nearly"], .lessThan), (["almost"], .lessThan), (["some"], .about),
        (["over"], .moreThan), (["above"], .moreThan), (["under"], .lessThan), (["below"], .lessThan),
        (["upwards", "of"], .moreThan), (["circa"], .about), (["approx"], .about),
    ]

}
