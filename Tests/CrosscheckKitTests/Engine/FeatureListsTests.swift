import CrosscheckKit
import Foundation
import Testing

@Suite("Hand-written lists behind model features")
struct FeatureListsTests {
    /// Each shipped model file records the digest of the word lists its features read; editing a
    /// list without retraining the model fails here.
    @Test func everyShippedModelWasTrainedWithTheListsAsTheyAreNow() throws {
        let models = try #require(ModelDirectory.built)
        let files = try FileManager.default.contentsOfDirectory(atPath: models.url.path).filter { $0.hasSuffix(".model") }.sorted()
        #expect(files.count >= 8)
        var stale: [String] = []
        for name in files {
            let data = try Data(contentsOf: models.url.appendingPathComponent(name))
            let firstLine = String(decoding: data.prefix(while: { $0 != 0x0A }), as: UTF8.self)
            let kind = String(firstLine.split(separator: " ").last ?? "")
            let file = try ModelFile(decoding: data, kind: kind)
            let expected = FeatureLists.digest(for: kind)
            if file.header["lists"] != expected {
                stale.append("\(name): recorded \(file.header["lists"] ?? "none"), lists now \(expected ?? "none")")
            }
        }
        #expect(stale.isEmpty, "retrain these models (crosscheck train …), or undo the list edit: \(stale.joined(separator: "; "))")
    }

    @Test func theDigestFollowsTheListsContent() {
        #expect(FeatureLists.digest(for: "spam") != FeatureLists.digest(for: "machine"))
        #expect(FeatureLists.digest(for: "techniques") == FeatureLists.digest(for: "truthfulness"))
        #expect(FeatureLists.digest(for: "unknown-kind") == nil)
    }
}
