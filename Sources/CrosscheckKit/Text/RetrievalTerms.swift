/// Lower-cased, stop-word-free, stemmed terms for retrieval.
public enum RetrievalTerms {
    /// The terms a passage is indexed under: its own and its document's title (a headline names
    /// what every passage of the story is about).
    public static func passageTerms(text: String, title: String?) -> [String] {
        guard let title, !title.isEmpty else { return terms(text) }
        return terms(title) + terms(text)
    }

    /// The terms of `text`: words and numbers, lower-cased, without stop words, Porter-stemmed.
    public static func terms(_ text: String, stem: Bool = true) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current).lowercased()
            current = String.UnicodeScalarView()
            let trimmed = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
            guard !trimmed.isEmpty, !Stopwords.english.contains(trimmed) else { return }
            result.append(stem ? PorterStemmer.stem(trimmed) : trimmed)
        }
        for scalar in text.unicodeScalars {
            if scalar.isLetter || scalar.isDigit {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}", !current.isEmpty {
                current.append("'")
            } else {
                flush()
            }
        }
        flush()
        return result
    }
}
