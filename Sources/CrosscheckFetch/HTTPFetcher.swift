public import CrosscheckKit
public import Foundation
public import Logging

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

/// Fetches web pages over HTTP(S) with the limits a polite, robust client needs: timeouts, a size
/// limit, a redirect limit and content-type checks. Every failure is a ``CrosscheckError`` that says
/// what to do.
public struct HTTPFetcher: Sendable {
    /// Limits and identity for fetching.
    public struct Configuration: Sendable, Hashable {
        /// Seconds to wait for the whole response. The default is 20.
        public var timeout: Double
        /// The largest body accepted, in bytes. The default is 20 MB.
        public var maxBytes: Int
        /// How many redirects to follow. The default is 5.
        public var maxRedirects: Int
        /// The `User-Agent` header sent.
        public var userAgent: String

        public init(
            timeout: Double = 20, maxBytes: Int = 20_000_000, maxRedirects: Int = 5,
            userAgent: String = "crosscheck/\(CrosscheckVersion.current) (+self-hosted fact-checking)"
        ) {
            self.timeout = timeout
            self.maxBytes = maxBytes
            self.maxRedirects = maxRedirects
            self.userAgent = userAgent
        }
    }

    /// A fetched response.
    public struct Response: Sendable, Hashable {
        /// The final URL, after redirects.
        public var url: String
        public var status: Int
        public var contentType: String?
        public var headers: [String: String]
        public var body: Data
    }

    public var configuration: Configuration
    public var logger: Logger

    public init(configuration: Configuration = .init(), logger: Logger = Logger(label: "crosscheck.fetch")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Media types that can hold an article.
    static func isReadable(contentType: String?) -> Bool {
        guard let type = contentType?.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces),
            !type.isEmpty
        else { return true }
        if type.hasPrefix("text/") { return true }
        return [
            "application/xhtml+xml", "application/json", "application/ld+json", "application/xml",
            "application/rss+xml", "application/atom+xml", "application/feed+json",
        ].contains(type)
    }

    /// Fetches `urlString` and returns the response.
    /// - Parameter headers: Extra request headers (for example `If-None-Match`).
    /// - Throws: ``CrosscheckError`` with code `invalidArgument`, `unreachable`, `httpStatus`,
    ///   `tooManyRedirects`, `inputTooLarge` or `unsupportedContent`.
    public func fetch(_ urlString: String, headers: [String: String] = [:], acceptingStatus: Set<Int> = []) async throws
        -> Response
    {
        guard let url = URL(string: urlString), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            throw CrosscheckError(
                .invalidArgument, "\(urlString) is not an http(s) URL; give a full URL such as https://example.com/story")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: configuration.timeout)
        request.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }

        let collector = ResponseCollector(maxBytes: configuration.maxBytes, maxRedirects: configuration.maxRedirects)
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        let session = URLSession(configuration: sessionConfiguration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        logger.debug("fetching", metadata: ["http.url": "\(url.host ?? "")"])

        let outcome = await collector.run(session.dataTask(with: request))
        switch outcome {
        case .tooLarge:
            throw CrosscheckError(
                .inputTooLarge,
                "\(urlString) sent more than \(ByteCount(configuration.maxBytes)); raise the limit or save the page and trim it",
                adjustment: .inputLimit)
        case .tooManyRedirects:
            throw CrosscheckError(
                .tooManyRedirects,
                "\(urlString) redirected more than \(configuration.maxRedirects) times; open it in a browser, then pass the final URL")
        case .failed(let error):
            let nsError = error as NSError
            let reason =
                nsError.code == NSURLErrorTimedOut
                ? "timed out after \(Int(configuration.timeout)) s"
                : nsError.localizedDescription
            throw CrosscheckError(
                .unreachable,
                "could not reach \(urlString) (\(reason)); check the address and your connection, or save the page and pass the file")
        case .finished(let response, let body):
            let status = response.statusCode
            var headerFields: [String: String] = [:]
            for (key, value) in response.allHeaderFields {
                if let key = key as? String, let value = value as? String { headerFields[key.lowercased()] = value }
            }
            let contentType = headerFields["content-type"]
            let finalURL = response.url?.absoluteString ?? urlString
            if (300..<400).contains(status), !acceptingStatus.contains(status) {
                throw CrosscheckError(
                    .tooManyRedirects,
                    "\(urlString) redirected more than \(configuration.maxRedirects) times; open it in a browser, then pass the final URL")
            }
            if status >= 400 || status < 200, !acceptingStatus.contains(status) {
                throw CrosscheckError(
                    .httpStatus,
                    "\(finalURL) answered HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status)); check the URL, or save the page from a browser and pass the file"
                )
            }
            if status == 200, !Self.isReadable(contentType: contentType) {
                throw CrosscheckError(
                    .unsupportedContent,
                    "\(finalURL) is \(contentType ?? "unknown content"), not a web page, text or JSON; give the URL of an article page")
            }
            return Response(url: finalURL, status: status, contentType: contentType, headers: headerFields, body: body)
        }
    }

    /// Fetches an article page and wraps it as engine input.
    public func fetchArticle(_ urlString: String) async throws -> ArticleInput {
        let response = try await fetch(urlString)
        return ArticleInput(data: response.body, name: urlString, url: response.url, contentType: response.contentType)
    }
}
