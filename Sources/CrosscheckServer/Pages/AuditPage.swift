import CrosscheckKit
import HTTPTypes
import Hummingbird

/// The audit trail (`GET /audit`, `?subject=JOB`, `?actor=NAME`): every change, newest first, with
/// who made it, before → after and the note; the same filtered list as JSON Lines from the API.
struct AuditPage {
    var store: any CrosscheckServer.Store

    struct Row: Sendable {
        var at: String
        var actor: String
        var action: String
        var subject: String
        var subjectHref: String?
        var detail: String?
        var change: String?
        var note: String?
    }

    struct Page: Sendable {
        var chrome: PageChrome
        var subject: String
        var actor: String
        var filtered: Bool
        var entries: [Row]
        var export: String
        var shown: Int
    }

    static let shown = 500

    func add(to router: Router<WorkbenchContext>) {
        router.get("audit") { request, context -> HTMLPage in
            _ = try context.require(.viewer)
            let query = request.uri.queryParameters
            let subject = query["subject"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let actor = query["actor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            // The store lists oldest first; the page shows the newest.
            let entries = try await store.auditLog(subject: subject, actor: actor, limit: 100_000).suffix(Self.shown).reversed()
            var export = "/api/v1/audit?format=jsonl"
            if let subject { export += "&subject=" + PageFormat.queryValue(subject) }
            if let actor { export += "&actor=" + PageFormat.queryValue(actor) }
            let page = Page(
                chrome: PageChrome(title: "Audit log", section: .audit, context: context), subject: subject ?? "", actor: actor ?? "",
                filtered: subject != nil || actor != nil,
                entries: entries.map { entry in
                    Row(
                        at: PageFormat.time(entry.at), actor: entry.actor, action: entry.action, subject: entry.subject,
                        subjectHref: entry.subject.contains(":") ? nil : "/articles/\(entry.subject)", detail: entry.detail,
                        change: Self.change(entry), note: entry.note)
                }, export: export, shown: entries.count)
            return HTMLPage(html: PageRenderer.shared.render(page, "audit"))
        }
    }

    static func change(_ entry: AuditEntry) -> String? {
        switch (entry.before, entry.after) {
        case (let before?, let after?):
            return before == after ? "confirmed \(PageFormat.label(after))" : "\(PageFormat.label(before)) → \(PageFormat.label(after))"
        case (nil, let after?): return PageFormat.label(after)
        case (let before?, nil): return "was \(PageFormat.label(before))"
        case (nil, nil): return nil
        }
    }
}
