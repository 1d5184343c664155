import CrosscheckFetch
import CrosscheckKit
import Foundation
import Logging

/// Reads an article input from a file, standard input or a URL.
struct InputLoader {
    var maxBytes: Int
    var fetcher: HTTPFetcher

    func load(_ argument: String, url: String?) async throws -> ArticleInput {
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            var input = try await fetcher.fetchArticle(argument)
            if let url { input.url = url }
            return input
        }
        if argument == "-" {
            return ArticleInput(data: try readStandardInput(), name: "-", url: url)
        }
        return ArticleInput(data: try readFile(argument), name: argument, url: url)
    }

    func readFile(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CrosscheckError(
                .fileNotFound,
                "no such file: \(path); check the path, pass - to read standard input, or give an http(s) URL")
        }
        if isDirectory.boolValue {
            throw CrosscheckError(.isDirectory, "\(path) is a directory; give the path of one article file inside it")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw CrosscheckError(
                .inputTooLarge,
                "\(path) is \(ByteCount(size)), over the \(ByteCount(maxBytes)) limit; raise it with --max-input-size or trim the input")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CrosscheckError(.unreadable, "cannot read \(path); check its permissions")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CrosscheckError(.unreadable, "cannot read \(path) (\(error.localizedDescription)); check the file")
        }
    }

    func readStandardInput() throws -> Data {
        var data = Data()
        while true {
            let chunk = FileHandle.standardInput.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > maxBytes {
                throw CrosscheckError(
                    .inputTooLarge,
                    "standard input is over the \(ByteCount(maxBytes)) limit; raise it with --max-input-size or trim the input")
            }
        }
        return data
    }
}
