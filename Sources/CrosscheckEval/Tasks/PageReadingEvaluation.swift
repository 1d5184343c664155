public import CrosscheckKit

/// How well pages read: headlines and bylines right, body paragraphs counted off, comments found
/// and with the right author, replies linked to the right comment.
public struct PageReadingEvaluation: Sendable {
    public var pages = 0
    public var titlesRight = 0
    public var bylinesRight = 0
    /// Paragraphs expected, and the sum over pages of how many too many or too few were read.
    public var paragraphs = 0
    public var paragraphsOff = 0
    /// Pages whose body starts and ends where it should (no furniture before or after).
    public var bodiesBounded = 0
    public var comments = 0
    public var commentsFound = 0
    /// Comments read with the expected author at the expected place.
    public var authorsRight = 0
    public var replies = 0
    public var repliesRight = 0
    /// Comment times expected, and those read as expected.
    public var times = 0
    public var timesRight = 0

    public init() {}

    /// What went wrong on one page, for a reader of the figures.
    public struct Miss: Sendable {
        public var page: String
        public var what: String
    }

    /// Adds one page: `article` as read, against `expected`. Returns what it got wrong.
    @discardableResult
    public mutating func add(_ article: Article, expected: PageExpectation) -> [Miss] {
        var misses: [Miss] = []
        func miss(_ what: String) { misses.append(Miss(page: expected.page, what: what)) }
        pages += 1
        if article.title == expected.title { titlesRight += 1 } else { miss("title \(article.title ?? "none")") }
        if article.byline == expected.byline { bylinesRight += 1 } else { miss("byline \(article.byline ?? "none")") }
        paragraphs += expected.paragraphs
        paragraphsOff += abs(article.paragraphs.count - expected.paragraphs)
        if article.paragraphs.count != expected.paragraphs { miss("\(article.paragraphs.count) paragraphs, not \(expected.paragraphs)") }
        if article.paragraphs.first?.hasPrefix(expected.firstParagraph) == true, article.paragraphs.last?.hasPrefix(expected.lastParagraph) == true {
            bodiesBounded += 1
        } else {
            miss("body from \"\(article.paragraphs.first?.prefix(40) ?? "")\" to \"\(article.paragraphs.last?.prefix(40) ?? "")\"")
        }
        comments += expected.authors.count
        commentsFound += article.comments.count
        for (index, author) in expected.authors.enumerated() {
            if index < article.comments.count, AuthorName.same(article.comments[index].author, author) {
                authorsRight += 1
            } else {
                miss(
                    "comment \(index + 1) by \(index < article.comments.count ? article.comments[index].author ?? "no one" : "nothing found"), not \(author)"
                )
            }
        }
        if let parents = expected.parents {
            let authorOf = Dictionary(article.comments.map { ($0.id, $0.author) }, uniquingKeysWith: { first, _ in first })
            for (index, parent) in parents.enumerated() where parent != nil {
                replies += 1
                let found = index < article.comments.count ? article.comments[index].parent.flatMap { authorOf[$0] ?? nil } : nil
                if found != nil, AuthorName.same(found, parent) {
                    repliesRight += 1
                } else {
                    miss("comment \(index + 1) replies to \(found ?? "nothing"), not \(parent!)")
                }
            }
        }
        for (index, time) in (expected.times ?? []).enumerated() {
            self.times += 1
            let found = index < article.comments.count ? article.comments[index].time : nil
            // The same instant however its zone is written ("19:42-05:00" is "00:42Z" the next day).
            let same = found == time || (found.flatMap(DateNormalizer.date).map { $0 == DateNormalizer.date(time) } ?? false)
            if same { timesRight += 1 } else { miss("comment \(index + 1) at \(found ?? "no time"), not \(time)") }
        }
        if article.comments.count != expected.authors.count { miss("\(article.comments.count) comments, not \(expected.authors.count)") }
        return misses
    }
}
