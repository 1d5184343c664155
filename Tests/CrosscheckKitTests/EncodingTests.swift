import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Encodings and input checks")
struct EncodingTests {
    let body = "Café prices rose 5% — the owner said “no comment”."

    @Test func utf8WithAndWithoutBOM() {
        #expect(TextDecoding.decode(Data(body.utf8)).text == body)
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(body.utf8)).text == body)
    }

    @Test func utf16WithBOM() {
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in body.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        #expect(TextDecoding.decode(little) == (body, .utf16LittleEndian))
        #expect(TextDecoding.decode(big) == (body, .utf16BigEndian))
        #expect(!TextDecoding.looksBinary(little))
    }

    @Test func windows1252DeclaredByThePage() throws {
        // "Café — “quoted”" in windows-1252
        let bytes: [UInt8] =
            Array("<html><head><meta charset=\"windows-1252\"></head><body><article><p>Caf".utf8)
            + [0xE9, 0x20, 0x97, 0x20, 0x93] + Array("quoted".utf8) + [0x94]
            + Array(" prices rose again this spring, the owners of the corner shop said.</p></article></body></html>".utf8)
        let input = ArticleInput(data: Data(bytes), name: "page.html")
        let result = try ArticleReader().read(input)
        #expect(result.charset == .windows1252)
        #expect(result.article.paragraphs.first?.hasPrefix("Café — “quoted” prices") == true)
    }

    @Test func latin1FromContentTypeHeader() throws {
        let bytes: [UInt8] = Array("Headline of the story\n\nThe caf".utf8) + [0xE9] + Array(" reopened on Monday after a long closure.".utf8)
        let input = ArticleInput(data: Data(bytes), name: "x", contentType: "text/plain; charset=ISO-8859-1")
        let result = try ArticleReader().read(input)
        #expect(result.article.paragraphs == ["The café reopened on Monday after a long closure."])
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let bytes: [UInt8] =
            Array("Headline here today\n\nPrices rose by ".utf8) + [0xC3, 0x28] + Array(" percent in the café district this year.".utf8)
        let result = try ArticleReader().read(ArticleInput(data: Data(bytes), name: "x"))
        #expect(result.article.paragraphs.first?.contains("\u{FFFD}") == true)
    }

    @Test func binaryInputIsRejected() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        do {
            _ = try ArticleReader().read(ArticleInput(data: png, name: "x.png"))
            Issue.record("binary input was accepted")
        } catch let error as CrosscheckError {
            #expect(error.code == .binaryInput)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func oversizedInputIsRejected() {
        let reader = ArticleReader(configuration: .init(maxBytes: 100))
        #expect(throwsCode(.inputTooLarge) { try reader.read(ArticleInput(data: Data(repeating: 0x61, count: 101), name: "x")) })
    }

    @Test func emptyInputsAreRejected() {
        #expect(throwsCode(.emptyArticle) { try ArticleReader().read(ArticleInput(data: Data(), name: "x")) })
        #expect(throwsCode(.emptyArticle) { try ArticleReader().read(ArticleInput(data: Data(" \n\n ".utf8), name: "x")) })
        let noBody = Data("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8)
        #expect(throwsCode(.emptyArticle) { try ArticleReader().read(ArticleInput(data: noBody, name: "x.html")) })
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body></body></html>", InputFormat.html), ("{\"text\": \"x\"}", .json),
        ("Just some text.\nAnother line.", .text), ("  <p>Para</p><p>Two</p>", .html),
        ("The sign read <b> in bold.", .text),
    ])
    func formatDetection(text: String, expected: InputFormat) {
        #expect(InputFormat.detect(data: Data(text.utf8)) == expected)
    }
}

/// Whether `body` throws a ``CrosscheckError`` with `code`.
func throwsCode(_ code: CrosscheckError.Code, _ body: () throws -> Any) -> Bool {
    do {
        _ = try body()
        return false
    } catch let error as CrosscheckError {
        return error.code == code
    } catch {
        return false
    }
}
