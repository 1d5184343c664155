/// Reads comma- or tab-separated text with RFC 4180 quoting (quoted fields may hold separators,
/// doubled quotes and line breaks).
public struct DelimitedReader: Sendable {
    public var separator: Character

    public init(separator: Character) {
        self.separator = separator
    }

    /// All rows of `text`, each a list of fields.
    public func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            if character == "\"" && atFieldStart {
                quoted = true
                atFieldStart = false
            } else if character == separator {
                row.append(field)
                field = ""
                atFieldStart = true
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
                field = ""
                atFieldStart = true
            } else {
                field.append(character)
                atFieldStart = false
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Rows as dictionaries keyed by the header row's names.
    public func records(_ text: String) -> [[String: String]] {
        let all = rows(text)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { row in
            var record: [String: String] = [:]
            for (index, name) in header.enumerated() where index < row.count { record[name] = row[index] }
            return record
        }
    }
}
