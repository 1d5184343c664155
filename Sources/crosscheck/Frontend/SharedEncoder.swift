import CrosscheckKit
import Foundation

/// The sentence encoder for this process: loaded once, shared by every stage that compares
/// texts. When its files were removed the stages work by words, and the user is told once.
enum SharedEncoder {
    private static let loaded: Result<SentenceEncoder?, CrosscheckError> = {
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

    /// The encoder, or `nil` (after a one-line notice) when its files are absent.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when its files are present but damaged.
    static func encoder() throws -> SentenceEncoder? {
        let encoder = try loaded.get()
        if encoder == nil { _ = noticeOnce }
        return encoder
    }
}
