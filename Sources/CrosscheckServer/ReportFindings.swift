import CrosscheckKit
import Foundation
import HTTPTypes

/// The findings of a stored report that people review.
struct ReportFindings {
    var report: [String: Any]

    init(_ data: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem(.internalServerError, "Damaged report", detail: "the stored report is not a JSON object; analyse the article again")
        }
        report = object
    }

    /// The report's claims, in order.
    var claims: [[String: Any]] { report["claims"] as? [[String: Any]] ?? [] }

    /// The article's fields (title, url, published, …).
    var article: [String: Any] { report["article"] as? [String: Any] ?? [:] }

    /// The engine's value of `target`, or `nil` when the report has no such finding.
    func value(of target: Review.Target) -> String? {
        let claims = claims
        switch target {
        case .verdict(let index):
            guard claims.indices.contains(index) else { return nil }
            return (claims[index]["verdict"] as? [String: Any])?["label"] as? String ?? "not_enough_info"
        case .checkworthiness(let index):
            guard claims.indices.contains(index) else { return nil }
            return (claims[index]["checkworthy"] as? Bool).map { String($0) }
        case .comment(let id):
            let comments = report["comments"] as? [[String: Any]] ?? []
            guard let comment = comments.first(where: { $0["id"] as? String == id }) else { return nil }
            return String(!((comment["flags"] as? [String]) ?? []).isEmpty)
        }
    }
}
