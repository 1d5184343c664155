/// Reads an ``Article`` out of an HTML page: metadata, body paragraphs and comments.
public struct HTMLArticleExtractor: Sendable {
    public init() {}

    /// Extracts the article from `html`.
    ///
    /// - Parameters:
    ///   - html: The page, already decoded to text.
    ///   - url: Where the page came from; used when the page names no canonical URL.
    public func extract(html: String, url: String? = nil) -> Article {
        let document = HTMLDocument(parsing: html)
        return extract(document: document, url: url)
    }

    /// Extracts the article from a parsed page.
    public func extract(document: HTMLDocument, url: String? = nil) -> Article {
        let (comments, commentNodes) = HTMLCommentExtractor(document: document).extract()
        let jsonLD = JSONLD(document: document)
        let metadata = HTMLMetadata(document: document, jsonLD: jsonLD, excluding: commentNodes)
        var paragraphs = HTMLBodyExtractor(document: document, claimed: commentNodes).paragraphs()
        if let standfirst = HTMLStandfirst.text(in: document), !paragraphs.contains(standfirst), standfirst != metadata.title {
            paragraphs.insert(standfirst, at: 0)
        }
        var byline = metadata.byline
        var published = metadata.published
        ArticleHeaderLines.strip(from: &paragraphs, title: metadata.title, byline: &byline, published: &published)
        paragraphs = EndCredits.removing(from: PullQuotes.removingBio(from: PullQuotes.removing(from: paragraphs), byline: byline))
        return Article(
            url: URLText.resolve(metadata.url, against: url) ?? url,
            title: metadata.title,
            byline: byline,
            published: published,
            paragraphs: paragraphs,
            comments: comments
        )
    }
}
