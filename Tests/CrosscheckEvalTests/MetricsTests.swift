import Testing

@testable import CrosscheckEval

@Suite("Metrics")
struct MetricsTests {
    @Test func f1AtAThreshold() {
        let result = BinaryMetrics.f1(scores: [0.9, 0.8, 0.3, 0.1], labels: [true, false, true, false], threshold: 0.5)
        #expect(result.precision == 0.5)
        #expect(result.recall == 0.5)
        #expect(result.f1 == 0.5)
    }

    @Test func averagePrecisionByHand() {
        // Positives at ranks 1 and 3: (1/1 + 2/3) / 2
        let ap = BinaryMetrics.averagePrecision(scores: [0.9, 0.8, 0.7, 0.1], labels: [true, false, true, false])
        #expect(abs(ap - (1 + 2.0 / 3) / 2) < 1e-12)
        #expect(BinaryMetrics.averagePrecision(scores: [0.1, 0.2], labels: [false, false]) == 0)
    }

    @Test func meanAveragePrecisionSkipsGroupsWithoutPositives() {
        let map = BinaryMetrics.meanAveragePrecision(groups: [
            ([0.9, 0.1], [true, false]), ([0.9, 0.1], [false, true]), ([0.5], [false]),
        ])
        #expect(abs(map - 0.75) < 1e-12)
    }

    @Test func bestThresholdSeparatesCleanData() {
        let best = BinaryMetrics.bestThreshold(scores: [0.1, 0.2, 0.7, 0.9], labels: [false, false, true, true])
        #expect(best.f1 == 1)
        #expect(best.threshold > 0.2 && best.threshold <= 0.7)
    }
}

@Suite("Delimited files")
struct DelimitedReaderTests {
    @Test func quotedFieldsWithSeparatorsQuotesAndNewlines() {
        let text = "a,b,c\n1,\"x, y\",\"she said \"\"hi\"\"\"\n2,\"two\nlines\",z\n"
        let records = DelimitedReader(separator: ",").records(text)
        #expect(records.count == 2)
        #expect(records[0]["b"] == "x, y")
        #expect(records[0]["c"] == "she said \"hi\"")
        #expect(records[1]["b"] == "two\nlines")
    }

    @Test func tabsAndCRLF() {
        let rows = DelimitedReader(separator: "\t").rows("id\ttext\r\n7\thello world\r\n")
        #expect(rows == [["id", "text"], ["7", "hello world"]])
    }
}
