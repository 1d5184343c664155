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
        library.render(Self.tree(view), withTemplate: name) ?? ""
    }

    /// `value` with every struct turned into a dictionary of its fields (nil ones left out), once.
    /// Mustache looks each name up by reflecting on the object in hand, up the context stack; a
    /// dictionary answers at once, where reflecting a struct at every lookup made the article page
    /// take 80 ms.
    static func tree(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let field = Mirror(reflecting: child.value)
                if field.displayStyle == .optional {
                    guard let wrapped = field.children.first?.value else { continue }
                    fields[label] = tree(wrapped)
                } else {
                    fields[label] = tree(child.value)
                }
            }
            return fields
        case .collection:
            return mirror.children.map { tree($0.value) }
        default:
            return value
        }
    }

    static let shared = PageRenderer()
}
