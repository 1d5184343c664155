import Foundation

/// Splits a compound claim into the statements it joins, so each can be checked on its own:
/// "The council approved the plan and cut the budget by 10%" is two claims, and half of it may
/// be true.
public enum ClaimParts {
    static let joiners = [", and ", "; ", " but ", ", while ", " while ", " whereas ", " and "]

    /// The parts of `claim`, or `[claim]` when it is one statement. Each part has at least three
    /// key terms; a part without its own subject borrows nothing (the checks compare terms).
    public static func split(_ claim: String) -> [String] {
        // A quotation is the speaker's words, checked whole.
        guard !claim.contains(where: { "“”\"«»".contains($0) }) else { return [claim] }
        for joiner in joiners {
            let pieces = claim.components(separatedBy: joiner)
            guard pieces.count == 2 else { continue }
            let left = pieces[0].trimmingCharacters(in: .whitespaces)
            let right = pieces[1].trimmingCharacters(in: .whitespaces)
            // Both sides must be statements, not a list of nouns ("cats and dogs").
            guard RetrievalTerms.terms(left).count >= 3, RetrievalTerms.terms(right).count >= 3 else { continue }
            guard hasVerb(right) || RetrievalTerms.terms(right).count >= 4 else { continue }
            return [left, right]
        }
        return [claim]
    }

    /// A rough test for a finite verb: a common auxiliary, a past tense or a third-person form
    /// after the first word.
    static func hasVerb(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let auxiliaries: Set<String> = [
            "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "did", "does", "do", "said", "says",
        ]
        return words.contains { auxiliaries.contains($0) || ($0.count > 3 && $0.hasSuffix("ed")) }
            || words.dropFirst().contains { $0.count > 3 && $0.hasSuffix("s") && !$0.hasSuffix("ss") && !$0.hasSuffix("us") }
    }
}
