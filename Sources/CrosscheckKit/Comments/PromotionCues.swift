import Foundation

/// What a moderator can point at in a spam comment: a link or bare web address, contact details,
/// or a call to act (subscribe, click, sign up …). The spam classifier decides; outside its
/// training domain (video comments) a flag also needs one of these, so that a thank-you or a
/// remark about money is not called spam for its wording alone.
enum PromotionCues {
    static let address = try! NSRegularExpression(
        pattern:
            #"(https?://|www\.)\S+|\b[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.[a-z]{2,}/\S*|\b[a-z0-9][a-z0-9-]*\.(com|net|org|io|ly|co|info|biz|shop|xyz|app|example)\b"#,
        options: [.caseInsensitive])
    static let contact = try! NSRegularExpression(
        pattern: #"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{3,}|\+?\d[\d\s().-]{8,}\d"#, options: [])
    static let calls = [
        "check out", "check my", "my channel", "subscribe", "sub to", "click", "follow me", "dm me",
        "message me", "sign up", "signup", "join now", "promo code", "discount code", "whatsapp",
        "telegram", "limited offer", "act now", "start today", "visit my", "visit our",
    ]

    /// The cues found, in the words a reason uses.
    static func cues(_ text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        var cues: [String] = []
        if address.firstMatch(in: text, range: range) != nil { cues.append("link") }
        if contact.firstMatch(in: text, range: range) != nil { cues.append("contact details") }
        let lower = text.lowercased()
        cues += calls.filter { contains(lower, word: $0) }.map { "“\($0)”" }
        return cues
    }

    /// Whether `text` holds `call` as whole words: "so glad I subscribed" reports, it does not ask.
    static func contains(_ text: String, word call: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: call, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}
