import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP/1.1 over a plain socket to a loopback port, for chromedriver: its headers have no space
/// after the colon, which Foundation's URLSession on Linux refuses ("Failed writing header").
/// Each call runs on a thread of its own, so the cooperative pool is never blocked.
enum LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request to `127.0.0.1:port` and answers the status and body.
    static func send(port: Int, method: String, path: String, body: Data? = nil, timeout: Double = 60) async throws -> (status: Int, body: Data) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(port: port, method: method, path: path, body: body, timeout: timeout) })
            }
        }
    }

    private static func exchange(port: Int, method: String, path: String, body: Data?, timeout: Double) throws -> (status: Int, body: Data) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket: errno \(errno)") }
        defer { close(socket) }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port): errno \(errno)") }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        if let body { request.append(Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n".utf8)) }
        request.append(Data("\r\n".utf8))
        if let body { request.append(body) }
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = Glibc.send(socket, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard count > 0 else { throw Failure(description: "cannot send to port \(port): errno \(errno)") }
                sent += count
            }
        }
        // Read the head, then the body by its Content-Length (chromedriver keeps the connection
        // open whatever the request says); without a length, until the server closes.
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var expected: Int?
        var bodyStart: Int?
        while expected.map({ answer.count < $0 }) ?? true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count >= 0 else { throw Failure(description: "no answer from port \(port) within \(timeout) s") }
            if count == 0 { break }
            answer.append(contentsOf: buffer[0..<count])
            if bodyStart == nil, let split = answer.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = split.upperBound
                let head = String(decoding: answer[..<split.lowerBound], as: UTF8.self).lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                    let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                {
                    expected = split.upperBound + length
                }
            }
        }
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "a malformed answer from port \(port)") }
        let head = String(decoding: answer[..<split.lowerBound], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var content = Data(answer[split.upperBound...])
        if head.lowercased().contains("transfer-encoding:chunked") || head.lowercased().contains("transfer-encoding: chunked") {
            content = dechunk(content)
        }
        return (status, content)
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
            guard size > 0, lineEnd.upperBound + size <= rest.endIndex else { break }
            result.append(rest[lineEnd.upperBound..<lineEnd.upperBound + size])
            rest = rest[(lineEnd.upperBound + size + 2)...]
        }
        return result
    }
}
