public import Foundation

/// Whether a comment is about its article, read by a pair classifier fine-tuned from the sentence
/// encoder on comments written under articles (`scripts/train-classifier/train.py --task topic`):
/// it reads the article's title and lead with the comment, so a comment about another matter of
/// the same town is told from one about the story even when both name the same places.
public struct TopicModel: Sendable {
    public let classifier: CrossEncoder

    static let offTopicLabel = "off_topic"

    /// The words of the article the model reads: its title and lead, as it was trained.
    static let leadWords = 110

    /// Wraps a pair classifier with the labels `on_topic` and `off_topic`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when it has no `off_topic` label.
    public init(classifier: CrossEncoder) throws {
        guard classifier.labels.contains(Self.offTopicLabel) else {
            throw CrosscheckError(
                .modelMissing,
                "the model \(classifier.identity.version) has no '\(Self.offTopicLabel)' label, so it is no topic model; retrain it with scripts/train-classifier/train.py --task topic"
            )
        }
        self.classifier = classifier
    }

    /// The model shipped with the engine (`topic-ce` in `models`), on `encoder`; `nil` when its
    /// files were removed.
    public static func bundled(encoder: SentenceEncoder, from models: ModelDirectory? = nil) throws -> TopicModel? {
        let models = try models ?? .standard()
        guard models.hasTransformer("topic-ce"), let url = models.file("topic-ce") else { return nil }
        return try TopicModel(classifier: CrossEncoder(directory: url, encoder: encoder))
    }

    /// What the model reads of an article: the title, then the first paragraphs up to about
    /// ``leadWords`` words.
    static func context(of article: Article) -> String {
        var lead: [String] = []
        var words = 0
        for paragraph in article.paragraphs where words < leadWords {
            lead.append(paragraph)
            words += paragraph.split(separator: " ").count
        }
        return ([article.title].compactMap { $0 } + [lead.joined(separator: " ")]).joined(separator: "\n")
    }

    /// The probability that each comment is about something else than `article`, in order.
    public func offTopicProbabilities(_ comments: [String], article: Article) -> [Double] {
        guard let column = classifier.labels.firstIndex(of: Self.offTopicLabel) else { return comments.map { _ in 0 } }
        let context = Self.context(of: article)
        return classifier.probabilities(comments.map { (context, $0) }).map { $0[column] }
    }
}
