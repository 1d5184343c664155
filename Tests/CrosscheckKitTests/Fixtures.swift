import Foundation
import Testing

@testable import CrosscheckKit

/// Loads test fixtures from `Resources/`.
enum Fixtures {
    static func data(_ path: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Resources/" + path, withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// The repository's root folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file of the repository, such as `Examples/harbour-bridge.html`.
    static func repositoryFile(_ path: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent(path))
    }

    static func html(_ name: String) throws -> String {
        String(decoding: try data("html/" + name), as: UTF8.self)
    }

    static func article(_ name: String) throws -> Article {
        HTMLArticleExtractor().extract(html: try html(name))
    }
}
