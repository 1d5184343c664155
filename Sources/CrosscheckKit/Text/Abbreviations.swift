/// Abbreviations that end in a full stop without ending a sentence.
enum Abbreviations {
    /// Titles and words that always precede something ("Dr. Reyes", "No. 5"): never a sentence end.
    static let prefixes: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "maj", "pres", "supt", "insp", "det", "rev", "fr", "hon", "atty", "no", "nos", "st", "mt", "ft", "vs", "v",
        "e.g", "i.e", "cf", "approx", "ca", "fig", "figs", "vol", "pp", "p", "ch", "art", "sec", "para", "op",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov't", "messrs",
        "mme", "mlle", "sr", "ave", "blvd", "rd", "dept", "univ", "assn", "bros", "ref", "tel", "est", "viz",
    ]

    /// Abbreviations that may also end a sentence ("in the U.S. The next ..."): a sentence ends
    /// after them only when a common sentence opener follows.
    static let ambiguous: Set<String> = [
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "inc", "ltd", "co", "corp", "plc", "llc", "jr", "a.m", "p.m",
        "etc", "al", "n.y", "l.a", "ph.d", "b.a", "m.a", "s.a", "n.v", "ag", "gmbh",
    ]

    /// Words that commonly open a sentence.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "i", "you", "this",
        "that", "these", "those", "there", "his", "her", "its", "their", "our", "my", "as", "if", "when", "while",
        "after", "before", "since", "for", "however", "meanwhile", "still", "yet", "so", "then", "officials",
        "critics", "according", "last", "next", "some", "many", "most", "one", "two", "three", "what", "why",
        "how", "who", "where", "more", "other", "another", "both", "each", "all", "such", "not", "no", "by",
        "with", "from", "to", "under", "over", "during", "despite", "although", "though", "because", "unlike",
    ]
}
