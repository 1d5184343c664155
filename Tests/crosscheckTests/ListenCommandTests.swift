import CrosscheckKit
import CrosscheckTesting
import Foundation
import Testing

@Suite("crosscheck listen and the reader's settings")
struct ListenCommandTests {
    @Test(.enabled(if: SpeechSynthesizer.available, "needs espeak-ng and libopusenc0"))
    func theExampleIsReadAloudIntoAnOggFile() async throws {
        let output = ScratchFolder.root.appendingPathComponent("crosscheck-listen-\(UUID().uuidString).ogg")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try await CommandRunner.run(["listen", "Examples/harbour-bridge.html", "--output", output.path, "--rate", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("of audio from 8 paragraphs"), "the title and the seven body paragraphs, no furniture or comments")
        let data = try Data(contentsOf: output)
        #expect(data.prefix(4) == Data("OggS".utf8))
        #expect(data.count > 20_000)
    }

    @Test func badOutputsAreRefusedBeforeAnyWork() async throws {
        let mp3 = try await CommandRunner.run(["listen", "Examples/harbour-bridge.html", "--output", "bridge.mp3"])
        #expect(mp3.status == 14 && mp3.stderr.contains("must end in .ogg or .opus"))
        let folder = try await CommandRunner.run([
            "listen", "Examples/harbour-bridge.html", "--output", ScratchFolder.root.path + "/",
        ])
        #expect(folder.status == 14 || folder.status == 4)
        let rate = try await CommandRunner.run(["listen", "Examples/harbour-bridge.html", "--output", "x.ogg", "--rate", "9"])
        #expect(rate.status == 14 && rate.stderr.contains("80 to 450"))
        let missing = try await CommandRunner.run(["listen", "Examples/no-such-page.html", "--output", "x.ogg"])
        #expect(missing.status == 3 || missing.status == 19)
    }

    @Test func theReadersSettingsAreCheckedAtStart() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-reader-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let withPath = try await CommandRunner.run(["serve", "--db", store, "--public-origin", "https://news.example/politics"])
        #expect(withPath.status == 14 && withPath.stderr.contains("not a site's origin"))
        let noDemo = try await CommandRunner.run(["serve", "--db", store, "--demo", "--demo-dir", "/nonexistent/demo"])
        #expect(noDemo.status == 3 && noDemo.stderr.contains("--demo-dir"))
        let audio = try await CommandRunner.run(["serve", "--db", store, "--audio-cache", "postgres://db/audio"])
        #expect(audio.status == 14 && audio.stderr.contains("not a folder path"))
        let secret = try await CommandRunner.run(["serve", "--db", store], environment: ["CROSSCHECK_HOOK_SECRET": "short"])
        #expect(secret.status == 14 && secret.stderr.contains("at least 16"))
    }
}
