import Hummingbird
import NIOCore

extension Request {
    /// The whole body, collected (later readers see it too), at most `limit` bytes.
    /// - Throws: ``Problem`` 413 titled `title`, with `detail` saying what to do.
    mutating func body(upTo limit: Int, title: String, detail: String) async throws -> ByteBuffer {
        do {
            return try await collectBody(upTo: limit)
        } catch {
            throw Problem(.contentTooLarge, title, detail: detail, type: "urn:crosscheck:error:inputTooLarge")
        }
    }
}
