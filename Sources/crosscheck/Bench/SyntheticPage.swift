import CrosscheckKit
import Foundation

/// Generates realistic news pages for benchmarks: a head with scripts and styles, navigation,
/// an article with paragraphs, figures and asides, a sidebar and a comment section.
struct SyntheticPage {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    static let words = """
        the council said on tuesday that a plan to repair bridge would cost about million dollars and take \
        eighteen months officials warned traffic could rise by percent while critics argued the budget had \
        doubled since first estimate residents asked whether buses will run during closure mayor promised \
        report next week engineers found corrosion in cables inspection rated deck fair state will cover share \
        of cost under act approved by voters in november analysts note similar projects elsewhere ran late
        """.split(separator: " ").map(String.init)

    mutating func word() -> String { Self.words[Int.random(in: 0..<Self.words.count, using: &generator)] }

    mutating func sentence() -> String {
        let count = Int.random(in: 8...28, using: &generator)
        var parts: [String] = []
        for index in 0..<count {
            var word = word()
            if index == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            if Int.random(in: 0..<12, using: &generator) == 0 { word = "\(Int.random(in: 2...9_999, using: &generator))" }
            if Int.random(in: 0..<15, using: &generator) == 0 { word += "," }
            parts.append(word)
        }
        return parts.joined(separator: " ") + (Int.random(in: 0..<10, using: &generator) == 0 ? "?" : ".")
    }

    mutating func paragraph() -> String {
        (0..<Int.random(in: 1...4, using: &generator)).map { _ in sentence() }.joined(separator: " ")
    }

    /// One page of about `targetBytes` bytes of HTML.
    mutating func page(targetBytes: Int) -> String {
        var html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(sentence()) | The Bench Times</title>
            <meta property="og:title" content="\(sentence())"><meta property="article:published_time" content="2026-03-03T09:30:00Z">
            <link rel="canonical" href="https://bench.example/story">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bench headline","author":{"name":"A. Writer"}}</script>
            <style>\(String(repeating: ".c{color:#333;margin:0 auto;padding:4px} ", count: 60))</style>
            <script>\(String(repeating: "window.ads=(window.ads||[]).concat(['slot-a','slot-b']);if(a<b){x='</p>';} ", count: 40))</script>
            </head><body><header class="site-header"><nav><ul>
            """
        for index in 0..<20 { html += "<li><a href=\"/section/\(index)\">Section \(index)</a></li>" }
        html += "</ul></nav></header><main><article><h1>Bench headline</h1><div class=\"share-bar\"><a>Share</a></div><div class=\"article-body\">"
        let bodyBudget = targetBytes * 6 / 10
        var paragraphs = 0
        while html.utf8.count < bodyBudget {
            html += "<p>\(paragraph()) <a href=\"/x\">\(word())</a> <em>\(word())</em></p>\n"
            paragraphs += 1
            if paragraphs % 6 == 0 {
                html += "<figure><img src=\"/i.jpg\"><figcaption>\(sentence()) Photo: Agency</figcaption></figure>"
            }
            if paragraphs % 9 == 0 {
                html += "<aside class=\"related\"><ul><li><a href=\"/r\">\(sentence())</a></li><li><a href=\"/s\">\(sentence())</a></li></ul></aside>"
            }
        }
        html += "</div></article><section id=\"comments\"><h2>Comments</h2><ol class=\"comment-list\">"
        var comment = 0
        while html.utf8.count < targetBytes - 400 {
            comment += 1
            html += """
                <li id="comment-\(comment)" class="comment"><div class="comment-author"><b class="fn">user\(comment)</b></div>\
                <time datetime="2026-03-03T10:\(String(format: "%02d", comment % 60)):00Z">x</time>\
                <div class="comment-content"><p>\(paragraph())</p></div><a class="reply">Reply</a></li>
                """
        }
        html += "</ol></section></main><aside class=\"sidebar\"><div class=\"widget\">Most read</div></aside>"
        html += "<footer class=\"site-footer\"><p>© The Bench Times</p></footer></body></html>"
        return html
    }
}
