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
    public var submission: ArticleSubmission
    /// When it was submitted, started and finished (ISO 8601).
    public var submitted: String
    public var started: String?
    public var finished: String?
    /// How many times a runner took it (more than once after a restart).
    public var attempts: Int
    /// Why it failed, in one line that says what to do.
    public var error: String?

    public init(
        id: String, state: State, submission: ArticleSubmission, submitted: String, started: String? = nil, finished: String? = nil,
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

/// An article as a client sent it: the bytes, and what it said about them.
public struct ArticleSubmission: Sendable, Hashable, Codable {
    /// The bytes of the page, text or JSON.
    public var data: Data
    /// A name for the input (a file name, or the page's URL).
    public var name: String
    /// The page's own URL, to resolve relative links and to find its findings later.
    public var url: String?
    /// The declared type (`text/html`, `text/plain`, `application/json`), when one was sent.
    public var contentType: String?

    public init(data: Data, name: String, url: String? = nil, contentType: String? = nil) {
        self.data = data
        self.name = name
        self.url = url
        self.contentType = contentType
    }

    /// The submission as the reader's input.
    public var input: ArticleInput {
        ArticleInput(data: data, name: name, url: url, contentType: contentType)
    }
}
