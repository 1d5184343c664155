import CrosscheckKit
import HTTPTypes

/// What every page shows around its content: its title, who is signed in, the navigation and the
/// CSRF token the sign-out form (and every other form) carries.
struct PageChrome: Sendable {
    struct Link: Sendable {
        var label: String
        var href: String
        var key: String
        var current: Bool
    }

    /// The sections of the workbench, in navigation order.
    enum Section: String, Sendable {
        case queue, sources, audit, none
    }

    var title: String
    var who: String?
    var role: String?
    var csrf: String?
    var nav: [Link]
    /// Seconds after which the page reloads itself (a job still being analysed), without script.
    var refresh: Int?

    init(title: String, section: Section, context: WorkbenchContext) {
        self.title = title
        who = context.caller?.name
        role = context.caller?.role.rawValue
        csrf = context.csrfToken
        nav = [
            Link(label: "Queue", href: "/", key: "q", current: section == .queue),
            Link(label: "Sources", href: "/sources", key: "s", current: section == .sources),
            Link(label: "Audit log", href: "/audit", key: "a", current: section == .audit),
        ]
    }

    /// The chrome of a page for someone not signed in: no navigation, no forms.
    init(signedOut title: String) {
        self.title = title
        nav = []
    }
}
