public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A fixed answer of ``withStaticLoopbackServer(pages:_:)``.
package struct StaticPage: Sendable {
    package var status: Int
    package var contentType: String
    package var body: Data
    package var headers: [String: String]
    /// Seconds to wait before answering each request.
    package var delay: Double
    /// Seconds to wait before answering the first request for this path, instead of `delay`.
    package var firstDelay: Double?

    package init(
        status: Int = 200, contentType: String = "text/html; charset=utf-8", body: Data, headers: [String: String] = [:], delay: Double = 0,
        firstDelay: Double? = nil
    ) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
        self.delay = delay
        self.firstDelay = firstDelay
    }

    package init(status: Int = 200, contentType: String = "text/html; charset=utf-8", body: String, delay: Double = 0) {
        self.init(status: status, contentType: contentType, body: Data(body.utf8), delay: delay)
    }

    /// A redirect to `location`.
    package static func redirect(to location: String, status: Int = 302) -> StaticPage {
        StaticPage(status: status, contentType: "text/plain", body: Data(), headers: ["Location": location])
    }
}

/// Runs `body` with a server on 127.0.0.1 that answers fixed pages by path (404 for others), then
/// stops it. Unlike ``withLoopbackServer(routes:_:)`` it serves from threads of its own (one per
/// connection, so a delayed answer holds up no other), with blocking sockets, so it answers even
/// while the test process's cooperative threads are busy — for tests whose client is another
/// process (the `crosscheck` command).
package func withStaticLoopbackServer<T: Sendable>(
    pages: [String: StaticPage], _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw URLError(.cannotConnectToHost) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
            bind(listener, pointer, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, pointer, &length) == 0
        }
    }
    guard bound else {
        close(listener)
        throw URLError(.cannotConnectToHost)
    }
    let port = Int(UInt16(bigEndian: address.sin_port))
    let served = ServedPaths()
    let serving = Thread {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { break }  // the listener was shut down
            Thread {
                answer(connection, pages: pages, served: served)
                close(connection)
            }.start()
        }
        // Closed here, not by the caller, so its number is never reused while this thread may still accept on it.
        close(listener)
    }
    serving.start()
    defer { shutdown(listener, Int32(SHUT_RDWR)) }
    return try await body("http://127.0.0.1:\(port)")
}

/// The paths a server has begun to answer.
private final class ServedPaths: Sendable {
    let paths = Mutex<Set<String>>([])
}

/// Reads one request's head from `connection` and writes the page for its path.
private func answer(_ connection: Int32, pages: [String: StaticPage], served: ServedPaths) {
    var head = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while head.range(of: Data("\r\n\r\n".utf8)) == nil, head.count < 65_536 {
        let count = recv(connection, &buffer, buffer.count, 0)
        guard count > 0 else { return }
        head.append(contentsOf: buffer[0..<count])
    }
    let requestLine = String(decoding: head.prefix { $0 != 0x0D }, as: UTF8.self)
    let path = requestLine.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
    let page = pages[path] ?? StaticPage(status: 404, contentType: "text/plain", body: "not found")
    let first = served.paths.withLock { $0.insert(path).inserted }
    let delay = first ? page.firstDelay ?? page.delay : page.delay
    if delay > 0 { Thread.sleep(forTimeInterval: delay) }
    var status = "HTTP/1.1 \(page.status) \(page.status == 200 ? "OK" : "Status")\r\nContent-Type: \(page.contentType)\r\n"
    for (name, value) in page.headers { status += "\(name): \(value)\r\n" }
    var response = Data((status + "Content-Length: \(page.body.count)\r\nConnection: close\r\n\r\n").utf8)
    response.append(page.body)
    response.withUnsafeBytes { bytes in
        var sent = 0
        while sent < bytes.count {
            let count = send(connection, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            guard count > 0 else { return }
            sent += count
        }
    }
}
