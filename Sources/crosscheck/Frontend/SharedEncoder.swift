import CrosscheckKit
import Foundation

/// The sentence encoder for this process: loaded once, shared by every stage that compares
/// texts. When its files were removed the stages work by words, and the user is told once.
enum SharedEncoder {
    private static let loaded: Result<SentenceEncoder?, CrosscheckError> = {
        guard SentenceEncoder.runtimeAvailable else {
            StandardError.write("note: OpenBLAS is not installed (Debian: apt-get install libopenblas0); texts are compared by words only\n")
            return .success(nil)
        }
        do {
            return .success(try SentenceEncoder.bundled())
        } catch let error as CrosscheckError {
            return .failure(error)
        } catch {
            return .failure(CrosscheckError(.modelMissing, "the sentence encoder could not be loaded: \(error)"))
        }
    }()

    private static let noticeOnce: Void = {
        StandardError.write(
            "note: the sentence encoder is not installed (Sources/CrosscheckKit/Resources/Models/encoder); texts are compared by words only\n")
    }()

    /// Fact-checks embedded when a store is opened for one command; beyond this, `check` and
    /// `factchecks search` match by words (embedding is about 80 fact-checks a second and is not
    /// stored yet), while `batch match` embeds any number once for the whole batch.
    static let interactiveFactChecks = 500

    /// The encoder for matching `count` fact-checks in one interactive command, or `nil` when there
    /// are too many to embed at each start.
    static func encoder(forFactChecks count: Int) throws -> SentenceEncoder? {
        count <= interactiveFactChecks ? try encoder() : nil
    }

    /// The encoder, for an option that cannot work without it (`what` names the option).
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when its files are absent or damaged.
    static func required(for what: String) throws -> SentenceEncoder {
        guard let encoder = try loaded.get() else {
            throw CrosscheckError(.modelMissing, "\(what) needs the sentence encoder; restore Sources/CrosscheckKit/Resources/Models/encoder")
        }
        return encoder
    }

    /// The encoder, or `nil` (after a one-line notice) when its files or OpenBLAS are absent.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when its files are present but damaged.
    static func encoder() throws -> SentenceEncoder? {
        let encoder = try loaded.get()
        if encoder == nil, SentenceEncoder.runtimeAvailable { _ = noticeOnce }
        return encoder
    }
}
