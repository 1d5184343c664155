public import Foundation

/// An article submitted for analysis, waiting, being checked, or done: the unit of work of the
/// server's queue (and, later, of workers sharing one store).
public struct AnalysisJob: Sendable, Hashable, Codable {
    /// Where a job is in its life.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting for a runner.
        case queued
        /// Being checked; back to `queued` if the process stops before it finishes.
        case running
        /// Checked; its report is stored.
        case done
        /// Could not be checked; `error` says why.
        case failed
    }

    /// The job's id (a UUID).
    public var id: String
    public var state: State
    /// The article as submitted.
    public var submission: ArticleInput
    /// When it was submitted, started and finished (ISO 8601).
    public var submitted: String
    public var started: String?
    public var finished: String?
    /// How many times a runner took it (more than once after a restart).
    public var attempts: Int
    /// Why it failed, in one line that says what to do.
    public var error: String?

    public init(
        id: String, state: State, submission: ArticleInput, submitted: String, started: String? = nil, finished: String? = nil,
        attempts: Int = 0, error: String? = nil
    ) {
        self.id = id
        self.state = state
        self.submission = submission
        self.submitted = submitted
        self.started = started
        self.finished = finished
        self.attempts = attempts
        self.error = error
    }
}
