public import CrosscheckKit

/// A job as the API shows it: its state, times, error, and where to find it and its report.
struct JobView: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var job: String
        var report: String
    }

    var id: String
    var state: AnalysisJob.State
    var name: String
    var url: String?
    var submitted: String
    var started: String?
    var finished: String?
    var attempts: Int
    var error: String?
    var links: Links

    init(_ job: AnalysisJob) {
        id = job.id
        state = job.state
        name = job.submission.name
        url = job.submission.url
        submitted = job.submitted
        started = job.started
        finished = job.finished
        attempts = job.attempts
        error = job.error
        links = Links(job: "/api/v1/jobs/\(job.id)", report: "/api/v1/jobs/\(job.id)/report")
    }
}
