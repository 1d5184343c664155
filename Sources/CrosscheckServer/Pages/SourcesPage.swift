import CrosscheckKit
import HTTPTypes
import Hummingbird

/// The polled sources and how their last poll went (`GET /sources`).
struct SourcesPage {
    var store: any CrosscheckServer.Store

    struct Row: Sendable {
        var name: String
        var kind: String
        var address: String
        var link: String?
        var every: String
        var lastPolled: String
        var lastResult: String
        var failing: Bool
        var nextPoll: String
    }

    struct Page: Sendable {
        var chrome: PageChrome
        var sources: [Row]
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("sources") { request, context -> HTMLPage in
            _ = try context.require(.viewer)
            let rows = try await store.sources().map { source in
                Row(
                    name: source.name, kind: source.kind.rawValue, address: source.url, link: PageFormat.link(source.url),
                    every: Self.interval(source.every), lastPolled: source.lastPolled.map(PageFormat.time) ?? "never",
                    lastResult: source.lastResult ?? "—", failing: source.failures > 0, nextPoll: source.nextPoll.map(PageFormat.time) ?? "—")
            }
            let page = Page(chrome: PageChrome(title: "Sources", section: .sources, context: context), sources: rows)
            return HTMLPage(html: PageRenderer.shared.render(page, "sources"))
        }
    }

    /// Seconds as "every 15 min", "every 2 h".
    static func interval(_ seconds: Int) -> String {
        seconds % 3600 == 0 ? "every \(seconds / 3600) h" : seconds % 60 == 0 ? "every \(seconds / 60) min" : "every \(seconds) s"
    }
}
