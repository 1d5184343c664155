internal import CrosscheckKit
internal import Foundation

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

/// Collects one response through URLSession's delegate, enforcing the size and redirect limits.
final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Outcome {
        case finished(HTTPURLResponse, Data)
        case tooLarge
        case tooManyRedirects
        case failed(any Error)
    }

    private let maxBytes: Int
    private let maxRedirects: Int
    private let lock = NSLock()
    private var body = Data()
    private var redirects = 0
    private var response: HTTPURLResponse?
    private var overLimit = false
    private var redirectLimitHit = false
    private var continuation: CheckedContinuation<Outcome, Never>?

    init(maxBytes: Int, maxRedirects: Int) {
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }

    func run(_ task: URLSessionDataTask) async -> Outcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.withLock { self.continuation = continuation }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let allowed = lock.withLock {
            redirects += 1
            if redirects > maxRedirects { redirectLimitHit = true }
            return !redirectLimitHit
        }
        // Refusing the redirect ends the task with the 3xx as its answer; cancelling it as well races
        // FoundationNetworking's redirect handling, which then traps.
        completionHandler(allowed ? request : nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = lock.withLock {
            self.response = response as? HTTPURLResponse
            if response.expectedContentLength > Int64(maxBytes) { overLimit = true }
            return overLimit
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = lock.withLock {
            body.append(data)
            if body.count > maxBytes { overLimit = true }
            return overLimit
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, outcome): (CheckedContinuation<Outcome, Never>?, Outcome) = lock.withLock {
            let outcome: Outcome
            if overLimit {
                outcome = .tooLarge
            } else if redirectLimitHit {
                outcome = .tooManyRedirects
            } else if let error {
                outcome = .failed(error)
            } else if let response = response ?? (task.response as? HTTPURLResponse) {
                outcome = .finished(response, body)
            } else {
                outcome = .failed(URLError(.badServerResponse))
            }
            let continuation = self.continuation
            self.continuation = nil
            return (continuation, outcome)
        }
        continuation?.resume(returning: outcome)
    }
}
