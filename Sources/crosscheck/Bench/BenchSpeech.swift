import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchSpeech: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speech",
        abstract: "Listening: seconds of audio made per second on one core, the audio's size, and memory as the text grows.",
        discussion: """
            Reads generated news paragraphs (seeded) aloud into Ogg Opus, first a short text and \
            then one --scale times as long, and prints for each the seconds of audio per second of \
            work, the bit rate and the peak memory; then the synthesiser alone on the short text \
            (no encoding), as the baseline the encoder's share is read against.
            """)

    @Option(help: "Paragraphs in the short text (4 sentences each).")
    var paragraphs: Int = 10

    @Option(help: "How many times longer the long text is.")
    var scale: Int = 10

    @Option(help: "Seed for the text generator.")
    var seed: UInt64 = 42

    func run() throws {
        var generator = SyntheticPage(seed: seed)
        func text(_ count: Int) -> [String] { (0..<count).map { _ in (0..<4).map { _ in generator.sentence() }.joined(separator: " ") } }
        let short = text(paragraphs)
        let long = text(paragraphs * scale)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ContinuousClock()
        // Load the libraries and voice before timing.
        _ = try Narration().record(["Warming up."], to: folder.appendingPathComponent("warm.ogg"))
        for (label, paragraphs) in [("short", short), ("long", long)] {
            var recording: Narration.Recording?
            let elapsed = try clock.measure { recording = try Narration().record(paragraphs, to: folder.appendingPathComponent("\(label).ogg")) }
            let seconds = Self.seconds(elapsed)
            let made = recording!
            print(
                String(
                    format: "%@: %d paragraphs, %.0f s of audio in %.2f s: %.1f s of audio a second; %.1f kbit/s (%@); peak memory %d MB", label,
                    made.paragraphs, made.duration, seconds, made.duration / seconds, Double(made.bytes) * 8 / made.duration / 1000,
                    ByteCount(made.bytes).description, BenchStore.peakMemoryMB()))
        }
        var samples = 0
        let synthesis = try clock.measure {
            for paragraph in short { samples += try SpeechSynthesizer().samples(for: SpokenText.normalize(paragraph)).count }
        }
        let audio = Double(samples) / Double(try SpeechSynthesizer.sampleRate())
        print(
            String(
                format: "baseline, eSpeak NG alone on the short text: %.0f s of audio in %.2f s: %.1f s of audio a second", audio,
                Self.seconds(synthesis), audio / Self.seconds(synthesis)))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
