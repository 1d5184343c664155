public import Foundation

/// The on-disk format of trained models: a magic line, a JSON header of string fields, and the
/// weights as little-endian 16-bit floats.
///
/// ```
/// CROSSCHECK-MODEL 1 <kind>\n
/// <UInt32 LE header length><header JSON>
/// <UInt32 LE weight count><Float16 LE weights>
/// ```
public struct ModelFile: Sendable {
    public var kind: String
    public var header: [String: String]
    public var weights: [Float]

    public init(kind: String, header: [String: String], weights: [Float]) {
        self.kind = kind
        self.header = header
        self.weights = weights
    }

    static let magic = "CROSSCHECK-MODEL 1 "

    public func encoded() -> Data {
        var data = Data((Self.magic + kind + "\n").utf8)
        let headerData = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data("{}".utf8)
        append(UInt32(headerData.count), to: &data)
        data.append(headerData)
        append(UInt32(weights.count), to: &data)
        var bits = [UInt16]()
        bits.reserveCapacity(weights.count)
        for weight in weights { bits.append(Float16(weight).bitPattern.littleEndian) }
        bits.withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    /// Reads a model file of `kind`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when the bytes are not such a file.
    public init(decoding data: Data, kind: String) throws {
        let damaged = CrosscheckError(
            .modelMissing, "the \(kind) model file is damaged or of another kind; rebuild it with crosscheck train \(kind)")
        let bytes = [UInt8](data)
        let expected = Array((Self.magic + kind + "\n").utf8)
        guard bytes.count > expected.count + 8, Array(bytes[0..<expected.count]) == expected else { throw damaged }
        var offset = expected.count
        func readUInt32() throws -> Int {
            guard offset + 4 <= bytes.count else { throw damaged }
            let value =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            offset += 4
            return Int(value)
        }
        let headerLength = try readUInt32()
        guard offset + headerLength <= bytes.count,
            let header = try? JSONSerialization.jsonObject(with: Data(bytes[offset..<(offset + headerLength)])) as? [String: String]
        else { throw damaged }
        offset += headerLength
        let count = try readUInt32()
        guard offset + count * 2 == bytes.count else { throw damaged }
        // Bulk copy, then widen: the files are little-endian, as are the machines Swift runs on here.
        var bits = [UInt16](repeating: 0, count: count)
        bits.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * 2)]))
            }
        }
        let weights = bits.map { Float(Float16(bitPattern: UInt16(littleEndian: $0))) }
        self.kind = kind
        self.header = header
        self.weights = weights
    }

    private func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
