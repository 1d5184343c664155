public import Foundation

/// A safetensors file: a little-endian `UInt64` header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the tensors' bytes.
///
/// Reads `F32`, `F16` and `BF16` tensors as `Float`; other dtypes are refused.
public struct SafeTensors: Sendable {
    /// One tensor's place in the file.
    public struct Entry: Sendable, Hashable {
        public var dtype: String
        public var shape: [Int]
        var range: Range<Int>

        /// How many values the tensor holds.
        public var count: Int { shape.reduce(1, *) }
    }

    public var entries: [String: Entry]
    /// The file's `__metadata__` strings.
    public var metadata: [String: String]
    /// Where the bytes came from, for error messages.
    public let source: String
    let data: Data
    let bodyOffset: Int

    /// Parses `data`, naming `source` in errors.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when the bytes are not a safetensors file.
    public init(data: Data, source: String) throws {
        func damaged(_ detail: String) -> CrosscheckError {
            CrosscheckError(.modelMissing, "\(source) is not a usable safetensors file (\(detail)); restore it from the repository")
        }
        guard data.count >= 8 else { throw damaged("too short") }
        let headerLength = data.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
        guard headerLength > 0, headerLength <= data.count - 8 else { throw damaged("bad header length") }
        let headerData = data.subdata(in: (data.startIndex + 8)..<(data.startIndex + 8 + headerLength))
        guard let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any] else {
            throw damaged("header is not JSON")
        }
        let bodyLength = data.count - 8 - headerLength
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = value as? [String: String] ?? [:]
                continue
            }
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= bodyLength
            else { throw damaged("tensor \(name) has a bad entry") }
            let entry = Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
            guard let width = Self.width(of: dtype), entry.count * width == entry.range.count else {
                throw damaged("tensor \(name) is \(dtype) with \(entry.range.count) bytes for shape \(shape)")
            }
            entries[name] = entry
        }
        self.entries = entries
        self.metadata = metadata
        self.source = source
        self.data = data
        self.bodyOffset = 8 + headerLength
    }

    static func width(of dtype: String) -> Int? {
        switch dtype {
        case "F32", "I32": 4
        case "F16", "BF16": 2
        case "I64", "F64": 8
        case "I8", "U8", "BOOL": 1
        default: nil
        }
    }

    /// The tensor `name` as `Float`s, checking its shape.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when it is absent, of another shape or dtype.
    public func floats(_ name: String, shape expected: [Int]) throws -> [Float] {
        guard let entry = entries[name] else {
            throw CrosscheckError(.modelMissing, "the encoder weights have no tensor \(name); the file belongs to another model")
        }
        guard entry.shape == expected else {
            throw CrosscheckError(
                .modelMissing, "the encoder tensor \(name) has shape \(entry.shape), not \(expected); the file and config.json disagree")
        }
        let start = bodyOffset + entry.range.lowerBound
        let count = entry.count
        guard ["F32", "F16", "BF16"].contains(entry.dtype) else {
            throw CrosscheckError(.modelMissing, "the encoder tensor \(name) is \(entry.dtype); only F32, F16 and BF16 are read")
        }
        return data.withUnsafeBytes { raw -> [Float] in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[start..<(start + entry.range.count)])
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                Self.widen(bytes, dtype: entry.dtype, into: buffer)
                initialized = count
            }
        }
    }

    /// The tensor `name` as half-precision values (converted when stored otherwise).
    public func halves(_ name: String, shape expected: [Int]) throws -> [Float16] {
        guard let entry = entries[name], entry.dtype == "F16", entry.shape == expected else {
            return try floats(name, shape: expected).map { Float16($0) }
        }
        let start = bodyOffset + entry.range.lowerBound
        return data.withUnsafeBytes { raw -> [Float16] in
            [Float16](unsafeUninitializedCapacity: entry.count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + entry.range.count)]))
                initialized = entry.count
            }
        }
    }

    static func widen(_ bytes: UnsafeRawBufferPointer, dtype: String, into buffer: UnsafeMutableBufferPointer<Float>) {
        switch dtype {
        case "F32":
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
        case "F16":
            let halves = bytes.bindMemory(to: Float16.self)
            for index in 0..<buffer.count { buffer[index] = Float(halves[index]) }
        default:
            let bits = bytes.bindMemory(to: UInt16.self)
            for index in 0..<buffer.count { buffer[index] = Float(bitPattern: UInt32(bits[index]) << 16) }
        }
    }

    /// Writes `tensors` (name → shape and values) as a safetensors file of `F32` or `F16` values.
    public static func encode(
        _ tensors: [(name: String, shape: [Int], values: [Float])], float16: Bool = false,
        metadata: [String: String] = [:]
    ) -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var body = Data()
        for tensor in tensors {
            let start = body.count
            if float16 {
                for value in tensor.values { withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { body.append(contentsOf: $0) } }
            } else {
                for value in tensor.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
            }
            header[tensor.name] = ["dtype": float16 ? "F16" : "F32", "shape": tensor.shape, "data_offsets": [start, body.count]]
        }
        var headerData = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data("{}".utf8)
        while headerData.count % 8 != 0 { headerData.append(0x20) }
        var data = Data()
        withUnsafeBytes(of: UInt64(headerData.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(headerData)
        data.append(body)
        return data
    }
}
