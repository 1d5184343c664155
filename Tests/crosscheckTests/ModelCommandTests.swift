import CrosscheckTesting
import Foundation
import Testing

/// A tiny check-worthiness data set in the shared data's formats, written by the tests.
func writeTinyCheckworthinessData() throws -> URL {
    let root = ScratchFolder.root.appendingPathComponent("crosscheck-cw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("claimbuster"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("clef2020-task1-tweets"), withIntermediateDirectories: true)
    var rows: [[String: Any]] = []
    for index in 0..<120 {
        let positive = index % 2 == 0
        let text =
            positive
            ? "The deficit grew \(index) percent to $\(index + 3) billion in \(1990 + index % 30)."
            : ["Thank you very much.", "Good evening and welcome.", "I really appreciate that.", "Let me say this."][index % 4]
        rows.append(["sentence_id": index, "label": positive ? 1 : 0, "text": text])
    }
    try JSONSerialization.data(withJSONObject: rows).write(to: root.appendingPathComponent("claimbuster/train.json"))
    var tweets = "topic_id\ttweet_id\ttweet_url\ttweet_text\tclaim\tcheck_worthiness\n"
    for index in 0..<40 {
        let positive = index % 2 == 0
        let text = positive ? "Cases rose \(index * 10) percent this week in Ohio #covid" : "Stay safe everyone @friend"
        tweets += "covid-19\t\(index)\thttp://x\t\(text)\t1\t\(positive ? 1 : 0)\n"
    }
    try tweets.write(to: root.appendingPathComponent("clef2020-task1-tweets/training_v2.tsv"), atomically: true, encoding: .utf8)
    return root
}

@Suite("crosscheck train, eval and batch")
struct ModelCommandTests {
    @Test func trainThenBatchWithTheTrainedModel() async throws {
        let data = try writeTinyCheckworthinessData()
        defer { try? FileManager.default.removeItem(at: data) }
        let model = data.appendingPathComponent("cw.model").path
        let train = try await CommandRunner.run(["train", "checkworthiness", "--data", data.path, "--output", model, "--hash-bits", "14"])
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("wrote"))
        let input = """
            {"id": 1, "text": "The deficit grew 40 percent to $9 billion in 2011."}
            {"id": "two", "text": "Thank you very much."}
            """
        let batch = try await CommandRunner.run(["batch", "checkworthiness", "--model", model], stdin: Data(input.utf8))
        #expect(batch.status == 0, "\(batch.stderr)")
        let lines = batch.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 2)
        #expect(lines[0]["id"] as? Int == 1)
        #expect(lines[0]["checkworthy"] as? Bool == true)
        #expect(lines[1]["id"] as? String == "two")
        #expect(lines[1]["checkworthy"] as? Bool == false)
        #expect((lines[0]["score"] as? Double ?? 0) > (lines[1]["score"] as? Double ?? 1))
    }

    @Test func trainingTwiceGivesTheSameFile() async throws {
        let data = try writeTinyCheckworthinessData()
        defer { try? FileManager.default.removeItem(at: data) }
        let first = data.appendingPathComponent("a.model").path
        let second = data.appendingPathComponent("b.model").path
        _ = try await CommandRunner.run(["train", "checkworthiness", "--data", data.path, "--output", first, "--hash-bits", "14"])
        _ = try await CommandRunner.run(["train", "checkworthiness", "--data", data.path, "--output", second, "--hash-bits", "14"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func evalPrintsTheMetricsAndThePeer() async throws {
        let data = try writeTinyCheckworthinessData()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try await CommandRunner.run(["eval", "checkworthiness", "--data", data.path, "--hash-bits", "14"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ClaimBuster dev slice F1"))
        #expect(result.stdout.contains("CLEF 2020 held-out tweets MAP"))
        #expect(result.stdout.contains("TF-IDF+LR peer"))
    }

    /// A blend at word weight 0 is the fine-tuned classifier alone; a blend needs the classifier.
    @Test func blendsOfTheFineTunedClassifierWithWords() async throws {
        let data = try writeTinyCheckworthinessData()
        defer { try? FileManager.default.removeItem(at: data) }
        let classifier = "Sources/CrosscheckModels/Models/checkworthiness-ce"
        let result = try await CommandRunner.run(
            [
                "eval", "checkworthiness", "--data", data.path, "--hash-bits", "14", "--no-peer", "--fine-tuned", classifier, "--blend-words", "0",
                "--blend-words", "1",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let alone = try #require(lines.first { $0.hasPrefix("ClaimBuster dev slice AP") }?.split(separator: " ").last { Double($0) != nil })
        let atZero = try #require(lines.first { $0.hasPrefix("blend with words at 0.00") })
        #expect(atZero.contains("AP \(alone);"), "\(atZero) against the classifier's AP \(alone)")
        #expect(lines.contains { $0.hasPrefix("blend with words at 1.00") })
        let refused = try await CommandRunner.run(["eval", "checkworthiness", "--data", data.path, "--blend-words", "0.2"])
        #expect(refused.status != 0 && refused.stderr.contains("--blend-words needs --fine-tuned"))
        let outOfRange = try await CommandRunner.run(
            ["eval", "checkworthiness", "--data", data.path, "--fine-tuned", classifier, "--blend-words", "2"])
        #expect(outOfRange.status != 0 && outOfRange.stderr.contains("give a number from 0 to 1"))
        // Two classifiers are measured by the mean of their probabilities: the same one twice
        // scores as it does alone.
        let twice = try await CommandRunner.run(
            [
                "eval", "checkworthiness", "--data", data.path, "--hash-bits", "14", "--no-peer", "--fine-tuned", classifier, "--fine-tuned",
                classifier,
            ])
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(twice.stdout.split(separator: "\n").contains { $0.hasPrefix("ClaimBuster dev slice AP") && $0.contains(alone) })
        let calibrateTwo = try await CommandRunner.run(
            ["eval", "checkworthiness", "--data", data.path, "--fine-tuned", classifier, "--fine-tuned", classifier, "--write-calibration"])
        #expect(calibrateTwo.status != 0 && calibrateTwo.stderr.contains("needs one --fine-tuned"))
    }

    /// The tune's fixed settings are refused without --tune and outside 0...1, before any data is read.
    @Test func evalStanceRefusesTuneSettingsItCannotUse() async throws {
        let alone = try await CommandRunner.run(["eval", "stance", "--data", "/nonexistent", "--check-weight", "0.75"])
        #expect(alone.status == 64 && alone.stderr.contains("--check-weight only applies with --tune"), "\(alone.stderr)")
        let outOfRange = try await CommandRunner.run(["eval", "stance", "--data", "/nonexistent", "--tune", "--entailment-taken-above", "1.5"])
        #expect(
            outOfRange.status == 64 && outOfRange.stderr.contains("--entailment-taken-above must be between 0 and 1"), "\(outOfRange.stderr)")
    }

    @Test func batchWithTheShippedModel() async throws {
        let batch = try await CommandRunner.run(
            ["batch", "checkworthiness"], stdin: Data("{\"id\": 3, \"text\": \"Taxes rose 20 percent in 2019.\"}\n".utf8))
        #expect(batch.status == 0)
        #expect(batch.stdout.contains("\"checkworthy\":true"))
    }

    @Test func batchInputErrors() async throws {
        let missing = try await CommandRunner.run(["batch", "checkworthiness", "--input", "no/such.jsonl"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CommandRunner.root.appendingPathComponent("../shared/data/checkworthiness").path)))
    func evalOnTheSharedData() async throws {
        let result = try await CommandRunner.run(["eval", "checkworthiness", "--data", "../shared/data/checkworthiness", "--no-peer"])
        #expect(result.status == 0, "\(result.stderr)")
        let f1Line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("ClaimBuster dev slice F1") })
        let value = try #require(Double(f1Line.split(separator: " ").last { Double($0) != nil } ?? ""))
        #expect(value > 0.7, "ClaimBuster dev F1 fell to \(value)")
    }
}
