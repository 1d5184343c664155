public import Foundation

/// A labelled short text: a YouTube comment (spam or not) or a tweet (machine-written or not).
public struct LabelledText: Sendable, Hashable {
    public var id: String
    public var text: String
    public var label: Bool
    /// The YouTube video, or the TweepFake generator class (`human`, `gpt2`, `rnn`, `others`).
    public var group: String
    public var author: String?
    public var time: String?
}

/// Loads the YouTube spam collection and TweepFake in their native formats.
public enum CommentData {
    /// Every `Youtube*.csv` in `directory`, grouped by video.
    public static func youtubeSpam(directory: String) throws -> [LabelledText] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".csv") }.sorted() ?? []
        guard !files.isEmpty else { throw EvalError("no YouTube spam CSV files in \(directory); point --data at shared/data/youtube-spam") }
        var result: [LabelledText] = []
        for file in files {
            let text = try String(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file), encoding: .utf8)
            let video = file.replacingOccurrences(of: ".csv", with: "")
            for record in DelimitedReader(separator: ",").records(text) {
                guard let content = record["CONTENT"], let label = record["label"] ?? record["CLASS"] else { continue }
                result.append(
                    LabelledText(
                        id: record["COMMENT_ID"] ?? UUID().uuidString, text: content, label: label == "1", group: video,
                        author: record["AUTHOR"], time: record["DATE"]))
            }
        }
        return result
    }

    /// TweepFake's `train.csv` and `validation.csv` (`;`-separated); label = machine-written.
    public static func tweepfake(directory: String) throws -> (train: [LabelledText], validation: [LabelledText]) {
        func load(_ name: String) throws -> [LabelledText] {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            return DelimitedReader(separator: ";").records(try String(contentsOf: url, encoding: .utf8)).compactMap { record in
                guard let text = record["text"], let account = record["account.type"] else { return nil }
                return LabelledText(
                    id: record["screen_name"] ?? "", text: text, label: account == "bot", group: record["class_type"] ?? account,
                    author: record["screen_name"], time: nil)
            }
        }
        let train = try load("train.csv")
        let validation = try load("validation.csv")
        guard !train.isEmpty || !validation.isEmpty else {
            throw EvalError("no train.csv or validation.csv in \(directory); point --data at shared/data/tweepfake")
        }
        return (train, validation)
    }
}
