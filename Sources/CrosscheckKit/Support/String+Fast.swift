extension String {
    /// The string with runs of white space (ASCII white space and no-break spaces) collapsed to one
    /// space and trimmed at both ends. Works on UTF-8 bytes, so it is cheap on long text.
    public var collapsingWhitespace: String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var pendingSpace = false
        var bytes = utf8.makeIterator()
        var lookahead: UInt8? = bytes.next()
        while let byte = lookahead {
            lookahead = bytes.next()
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                continue
            }
            if byte == 0xC2, lookahead == 0xA0 {  // U+00A0 no-break space
                lookahead = bytes.next()
                pendingSpace = true
                continue
            }
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Unicode normalisation).
    public func fastContains(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                let first = n[0]
                var index = 0
                let last = h.count - n.count
                while index <= last {
                    if h[index] == first {
                        var match = true
                        var offset = 1
                        while offset < n.count {
                            if h[index + offset] != n[offset] {
                                match = false
                                break
                            }
                            offset += 1
                        }
                        if match { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// The number of space-separated words, counted on UTF-8 bytes.
    public var roughWordCount: Int {
        var count = 0
        var inWord = false
        for byte in utf8 {
            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// The string without the given ASCII characters (and white space) at either end.
    public func trimmingASCII(_ characters: String = "") -> String {
        let extra = Array(characters.utf8)
        let bytes = Array(utf8)
        func trims(_ byte: UInt8) -> Bool {
            byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || extra.contains(byte)
        }
        var start = 0
        var end = bytes.count
        while start < end, trims(bytes[start]) { start += 1 }
        while end > start, trims(bytes[end - 1]) { end -= 1 }
        if start == 0, end == bytes.count { return self }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
