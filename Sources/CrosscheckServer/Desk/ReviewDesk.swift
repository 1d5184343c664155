import CrosscheckKit
import Foundation
import HTTPTypes

/// Confirming or overriding one finding of a done job's report, for the API and the pages alike:
/// the note is required, the value must be one the finding can take, and the review records what
/// the finding was before (the latest review's value, else the engine's).
struct ReviewDesk {
    var jobs: any JobStore
    var reviews: any ReviewStore

    /// Records a review of `target`.
    /// - Parameter action: confirm, or override with `value`; `nil` sets `value`, a confirmation when
    ///   the finding has that value already (the pages' forms), else an override.
    func record(
        job: AnalysisJob, target: Review.Target, action: Review.Action?, value: String?, note: String, by caller: Caller
    ) async throws -> Review {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            throw Problem(.badRequest, "Note missing", detail: "every review needs a note saying why", type: "urn:crosscheck:error:invalidArgument")
        }
        guard job.state == .done, let data = try await jobs.report(forJob: job.id) else {
            throw Problem(
                .conflict, "No report yet", detail: "job \(job.id) is \(job.state.rawValue); review it once it is done",
                type: "urn:crosscheck:error:notReady")
        }
        let before = try await current(target, of: job.id, report: data)
        let action = action ?? (value == before ? .confirm : .override)
        var after = before
        if action == .override {
            guard let value, target.allowedValues.contains(value) else {
                throw Problem(
                    .badRequest, "Bad value",
                    detail: "an override of \(target.text) sets one of: \(target.allowedValues.sorted().joined(separator: ", "))",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            after = value
        }
        let review = Review(
            id: 0, job: job.id, target: target, action: action, before: before, after: after, note: note, reviewer: caller.name,
            at: ISO8601DateFormatter().string(from: Date()))
        return try await reviews.record(review)
    }

    /// The finding's value now: the latest review's, else the engine's.
    private func current(_ target: Review.Target, of job: String, report: Data) async throws -> String {
        if let earlier = try await reviews.reviews(ofJob: job).last(where: { $0.target == target }) { return earlier.after }
        guard let engineValue = try ReportFindings(report).value(of: target) else {
            throw Problem(
                .notFound, "No such finding", detail: "the report of job \(job) has no \(target.text); see GET /api/v1/jobs/\(job)/report",
                type: "urn:crosscheck:error:notFound")
        }
        return engineValue
    }
}
