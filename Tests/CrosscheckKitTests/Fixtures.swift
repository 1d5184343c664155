import Foundation
import Testing

@testable import CrosscheckKit

/// Loads test fixtures from `Resources/`.
enum Fixtures {
    static func data(_ path: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Resources/" + path, withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// A file of the repository, such as `Examples/harbour-bridge.html`.
    static func repositoryFile(_ path: String, file: String = #filePath) throws -> Data {
        let root = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func html(_ name: String) throws -> String {
        String(decoding: try data("html/" + name), as: UTF8.self)
    }

    static func article(_ name: String) throws -> Article {
        HTMLArticleExtractor().extract(html: try html(name))
    }
}
