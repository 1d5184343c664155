/// How labels name a commenter: a handle written with or without its "@" ("@brendon.t",
/// "brendon.t") is the same account.
enum AuthorName {
    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        return a == b || a.drop { $0 == "@" } == b.drop { $0 == "@" }
    }
}
