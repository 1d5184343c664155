import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped topic model (a pair classifier fine-tuned from the encoder that reads a comment with
/// its article's lead) against its trainer's outputs, and what it changes in the screen: another
/// matter of the same town is off-topic, a reply about the story is not.
@Suite("Topic model")
struct TopicModelTests {
    struct Reference: Decodable {
        struct Row: Decodable {
            var context: String
            var text: String
            var ids: [Int32]
            var types: [Int32]
            var probabilities: [Double]
        }
        var model: String
        var labels: [String]
        var texts: [Row]
    }

    static let reference: Reference? = {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Resources/topic-ce"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let encoder = try? SentenceEncoder.bundled()
    static let model: TopicModel? = encoder.flatMap { try? TopicModel.bundled(encoder: $0) }

    @Test func theShippedModelLoadsWithItsLabelsAndThreshold() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model, "the topic model should load with the encoder")
        #expect(reference.model == model.classifier.identity.version)
        #expect(model.classifier.labels == ["on_topic", "off_topic"])
    }

    @Test func tokensAndProbabilitiesMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model)
        for row in reference.texts {
            let pair = model.classifier.pairIDs(row.context, row.text)
            #expect(pair.ids == row.ids, "\(row.text)")
            #expect(pair.types == row.types, "\(row.text)")
        }
        let probabilities = model.classifier.probabilities(reference.texts.map { ($0.context, $0.text) })
        var worst = 0.0
        for (row, p) in zip(reference.texts, probabilities) { worst = max(worst, abs(row.probabilities[1] - p[1])) }
        #expect(worst < 2e-3, "largest difference \(worst)")
    }

    @Test func aModelWithoutTheOffTopicLabelIsRefused() throws {
        let encoder = try #require(Self.encoder)
        let stance = try #require(try ModelDirectory.standard().file("stance"))
        #expect(throws: CrosscheckError.self) { try TopicModel(classifier: CrossEncoder(directory: stance, encoder: encoder)) }
    }

    static let article = Article(
        title: "Swimming pool to close for a year for a new roof",
        paragraphs: [
            "The town's only public swimming pool will close in June for twelve months while its roof is replaced, the council said on Monday.",
            "The work will cost 3.2 million and swimming lessons for 600 children will move to a school pool eight miles away.",
            "Councillor Dev Patel said the roof had leaked for five winters and could not be patched again.",
        ])

    @Test func anotherMatterOfTheSameTownIsOffTopicAndTheStoryIsNot() throws {
        let model = try #require(Self.model)
        let onTopic = [
            "Eight miles each way twice a week for lessons is going to stop a lot of families going at all.",
            "Five winters of leaks and they only act now? The roof should have been fixed years ago.",
            "My daughter learned to swim there last year, the instructors are brilliant, hope they all keep their jobs.",
        ]
        let offTopic = [
            "While we're talking about the council, when are they going to fix the potholes on Church Street?",
            "Did anyone see the match on Saturday? Two goals in injury time, what a finish for the town.",
            "Can anyone recommend a reliable plumber near the high street? Ours has retired.",
        ]
        let p = model.offTopicProbabilities(onTopic + offTopic, article: Self.article)
        #expect(p.prefix(3).allSatisfy { $0 < 0.5 }, "\(p)")
        #expect(p[3] > 0.5 && p[4] > 0.5, "the potholes and the match are another matter: \(p)")
        // A request for a plumber it is less sure of, but it ranks it above every comment on the story.
        #expect(p[5] > p.prefix(3).max()!, "\(p)")
    }

    @Test func theScreenFlagsWhatTheModelPutsOffTheSubjectAndSaysWhy() throws {
        let encoder = try #require(Self.encoder)
        let model = try #require(Self.model)
        let comments = [
            Comment(id: "c1", author: "Ann", text: "Eight miles each way twice a week for lessons is going to stop a lot of families going at all."),
            Comment(id: "c2", author: "Bo", text: "While we're talking about the council, when are they going to fix the potholes on Church Street?"),
        ]
        let with = CommentScreener(spam: nil, machine: nil, encoder: encoder, topic: model).screen(comments, article: Self.article)
        #expect(with.comments[0].flags.isEmpty, "\(with.comments[0].reasons)")
        #expect(with.comments[1].flags == ["off_topic"])
        #expect(with.comments[1].reasons.first?.contains("topic model") == true, "\(with.comments[1].reasons)")
    }
}
