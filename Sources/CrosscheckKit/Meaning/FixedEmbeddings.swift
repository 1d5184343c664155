public import Foundation

/// Embeddings of fixed sentences (the comment screen's stock comments and unrelated topics) kept
/// in a file per encoder and list, so a process reads them instead of encoding them at each start.
///
/// The file's name is the SHA-256 of the encoder's weights and of the sentences, so another
/// encoder or an edited list never reads a stale file; a file that cannot be read or written is
/// ignored and the sentences are encoded.
public struct FixedEmbeddings: Sendable {
    /// Where the files are kept; `nil` keeps none.
    public var folder: URL?

    public init(folder: URL?) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/crosscheck/embeddings`, else `~/.cache/crosscheck/embeddings`;
    /// `CROSSCHECK_CACHE=off` keeps no files.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> FixedEmbeddings {
        if environment["CROSSCHECK_CACHE"] == "off" { return FixedEmbeddings(folder: nil) }
        return FixedEmbeddings(folder: URL(fileURLWithPath: CacheFolder.path(environment: environment) + "/embeddings"))
    }

    /// The embeddings of `texts` by `encoder`, from the file when it holds them, else encoded and
    /// written there.
    public func embeddings(of texts: [String], encoder: SentenceEncoder) -> [Embedding] {
        guard let url = file(for: texts, encoder: encoder) else { return encoder.encode(texts) }
        if let stored = Self.read(url, count: texts.count) { return stored }
        let encoded = encoder.encode(texts)
        Self.write(encoded, to: url)
        return encoded
    }

    /// Whether the file for `texts` and `encoder` is there and readable.
    public func holds(_ texts: [String], encoder: SentenceEncoder) -> Bool {
        guard let url = file(for: texts, encoder: encoder) else { return false }
        return Self.read(url, count: texts.count)?.first?.values.count == encoder.dimensions
    }

    func file(for texts: [String], encoder: SentenceEncoder) -> URL? {
        guard let folder, let weights = encoder.identity.sha256 else { return nil }
        var key = Array(weights.utf8)
        for text in texts { key += Array(text.utf8) + [0] }
        return folder.appendingPathComponent(Digests.sha256Hex(key) + ".f32")
    }

    /// The file's embeddings: `count` rows of equal width, little-endian Float32; `nil` when the
    /// file is missing or not that shape.
    static func read(_ url: URL, count: Int) -> [Embedding]? {
        guard count > 0, let data = try? Data(contentsOf: url), data.count % (4 * count) == 0, !data.isEmpty else { return nil }
        let width = data.count / 4 / count
        let values: [Float] = data.withUnsafeBytes { raw in
            (0..<(count * width)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        return (0..<count).map { Embedding(Array(values[($0 * width)..<(($0 + 1) * width)])) }
    }

    /// Writes the embeddings through a temporary file renamed into place, so a reader never sees
    /// half a file.
    static func write(_ embeddings: [Embedding], to url: URL) {
        var data = Data(capacity: embeddings.reduce(0) { $0 + 4 * $1.values.count })
        for embedding in embeddings {
            for value in embedding.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) puts it in place in one step, over an older file if there is one.
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
