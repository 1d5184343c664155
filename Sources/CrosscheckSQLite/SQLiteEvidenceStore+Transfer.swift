public import CrosscheckKit
import Foundation
import GRDB

/// Reading the embedded store's tables out, for `crosscheck migrate`.
extension SQLiteEvidenceStore: TransferSource {
    static func table(_ item: TransferItem) -> String {
        switch item {
        case .sources: "source"
        case .documents: "document"
        case .factChecks: "factCheck"
        case .jobs: "analysisJob"
        case .people: "person"
        case .tokens: "apiToken"
        case .reviews: "review"
        case .audit: "auditEntry"
        }
    }

    public func transferRows(of item: TransferItem, after: Int64, limit: Int) async throws -> [TransferRow] {
        let table = Self.table(item)
        return try await pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT rowid AS transferKey, * FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT ?", arguments: [after, limit])
            return try rows.map { row in
                var result = TransferRow(key: row["transferKey"], columns: Self.values(row, skipping: "transferKey"))
                if item == .documents {
                    result.passages = try Row.fetchAll(
                        db, sql: "SELECT id, ordinal, start, \"end\", text FROM passage WHERE documentId = ? ORDER BY id",
                        arguments: [row["id"] as Int64]
                    ).map { Self.values($0, skipping: nil) }
                }
                return result
            }
        }
    }

    public func transferCount(of item: TransferItem) async throws -> Int {
        let table = Self.table(item)
        return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    static func values(_ row: Row, skipping skipped: String?) -> [String: TransferValue] {
        var values: [String: TransferValue] = [:]
        for (column, value) in row where column != skipped {
            switch value.storage {
            case .null: values[column] = .null
            case .int64(let number): values[column] = .integer(number)
            case .double(let number): values[column] = .real(number)
            case .string(let text): values[column] = .text(text)
            case .blob(let data): values[column] = .blob(data)
            }
        }
        return values
    }
}
