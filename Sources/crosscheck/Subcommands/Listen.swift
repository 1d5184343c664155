import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct Listen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read an article, or a spoken summary of its findings, aloud into an audio file.",
        discussion: """
            INPUT is a file path, - for standard input, or an http(s) URL, as for check. The audio \
            is Ogg Opus, made offline with eSpeak NG (Debian: apt-get install espeak-ng \
            libopusenc0). Only the article's body is read: not the page's furniture, not its \
            comments. The findings are the engine's, unreviewed, and the summary says so.

            Examples:
              crosscheck listen Examples/harbour-bridge.html --output bridge.ogg
              crosscheck listen story.html --output findings.ogg --what findings --voice en-gb --rate 150

            \(ExitCodes.help)
            """
    )

    /// What to read aloud.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case article, findings, both
    }

    @Argument(help: "The article: a file path, - for standard input, or an http(s) URL.")
    var input: String

    @Option(name: .shortAndLong, help: "The audio file to write (Ogg Opus: .ogg or .opus).")
    var output: String

    @Option(help: "What to read: article, findings or both.")
    var what: Part = .article

    @Option(help: "The eSpeak NG voice, e.g. en-us or en-gb (espeak-ng --voices=en lists them).")
    var voice: String = "en-us"

    @Option(help: "Words per minute, 80–450.")
    var rate: Int = 165

    @Option(help: "Input format: auto, html, text or json.")
    var inputFormat: String = "auto"

    @Option(help: "Largest input accepted, e.g. 50MB, 500KB.")
    var maxInputSize: String = "50MB"

    @Option(help: "Seconds to wait for a URL.")
    var timeout: Double = 20

    @Option(help: "The store to verify claims against and match earlier fact-checks from (as for check).")
    var db: String?

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = global.bootstrapLogging()
        do {
            let destination = try outputURL()
            guard (80...450).contains(rate) else {
                throw CrosscheckError(.invalidArgument, "--rate \(rate) is out of range; give 80 to 450 words a minute")
            }
            let reader = try ArticleReader.Configuration.options(maxInputSize: maxInputSize, inputFormat: inputFormat)
            let maxBytes = reader.maxBytes
            // Said before the article is read and checked, so a machine without speech learns it at once.
            try Narration.checkAvailable()
            let fetcher = HTTPFetcher(configuration: .init(timeout: timeout, maxBytes: maxBytes), logger: logger)
            let articleInput = try await InputLoader(maxBytes: maxBytes, fetcher: fetcher).load(input, url: nil)
            // The findings need the whole check, whose report holds the article as read; the article alone needs only reading.
            var report: Report?
            if what != .article {
                let store = try openedStore()
                let analysis = ArticleAnalysis(engine: try modelOptions.engine(), factChecks: store, evidence: store)
                report = try await analysis.report(for: articleInput, reader: reader)
            }
            let title: String?
            let body: [String]
            if let article = report?.article {
                (title, body) = (article.title, article.paragraphs)
            } else {
                let article = try ArticleReader(configuration: reader).read(articleInput).article
                (title, body) = (article.title, article.paragraphs)
            }
            var paragraphs: [String] = []
            if what != .findings { paragraphs += [title].compactMap { $0 } + body }
            if let report { paragraphs += FindingsScript(report: report).paragraphs }
            let narration = Narration(synthesizer: SpeechSynthesizer(voice: voice, rate: rate))
            let start = ContinuousClock.now
            let recording = try narration.record(paragraphs, title: title, to: destination)
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            FileHandle.standardError.write(
                Data(
                    ("wrote \(output): \(Self.clock(recording.duration)) of audio from \(recording.paragraphs) paragraphs, "
                        + "\(ByteCount(recording.bytes)), synthesised in \(String(format: "%.1f", seconds)) s\n").utf8))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }

    /// The output file, refused when it is not a file path for Ogg audio.
    func outputURL() throws -> URL {
        if output.contains("://") || output == "-" {
            throw CrosscheckError(.invalidArgument, "--output \(output) is not a file path; give a file such as article.ogg")
        }
        let url = URL(fileURLWithPath: output)
        guard ["ogg", "opus"].contains(url.pathExtension.lowercased()) else {
            throw CrosscheckError(.invalidArgument, "--output \(output) must end in .ogg or .opus: the audio is Ogg Opus")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CrosscheckError(.isDirectory, "--output \(output) is a folder; give a file such as \(output)/article.ogg")
        }
        return url
    }

    /// The --db store, when given or when the default store exists.
    func openedStore() throws -> (any EvidenceStore)? {
        let path = StoreOptions(db: db).path
        guard StoreOptions(db: db).isShared || FileManager.default.fileExists(atPath: path) else {
            if db != nil { throw CrosscheckError(.fileNotFound, "no store at \(path); make one with crosscheck sources import FILE --db \(path)") }
            return nil
        }
        return try StoreOptions.open(path)
    }

    /// 263 seconds as "4 min 23 s".
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
