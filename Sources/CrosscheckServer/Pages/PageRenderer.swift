import HTTPTypes
import Mustache

/// The workbench's templates (swift-mustache, HTML-escaping every `{{value}}`), compiled once.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Every template by name; a page template extends `layout`.
    static let templates: [String: String] = [
        "layout": PageTemplates.layout,
        "signin": PageTemplates.signIn,
        "queue": PageTemplates.queue,
        "article": PageTemplates.article,
        "comments": PageTemplates.comments,
        "sources": PageTemplates.sources,
        "audit": PageTemplates.audit,
        "claimreview": PageTemplates.claimReview,
        "problem": PageTemplates.problem,
    ]

    init() {
        var library = MustacheLibrary()
        for (name, text) in Self.templates {
            do {
                try library.register(text, named: name)
            } catch {
                // The templates are part of the program: a broken one is a programming error, caught by the page tests.
                preconditionFailure("the \(name) template does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// `view` rendered with the template `name`.
    func render(_ view: Any, _ name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    static let shared = PageRenderer()
}
