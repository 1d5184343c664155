public import CrosscheckKit
import Foundation
import PostgresNIO

/// Taking a copy of an embedded store, for `crosscheck migrate`: each batch and the progress after
/// it commit together, so a copy cut off anywhere resumes after its last whole batch.
extension PostgresStore: TransferTarget {
    static func table(_ item: TransferItem) -> (name: String, conflict: String) {
        switch item {
        case .sources: ("source", "name")
        case .documents: ("document", "id")
        case .factChecks: ("fact_check", "id")
        case .jobs: ("analysis_job", "id")
        case .people: ("person", "name")
        case .tokens: ("api_token", "id")
        case .reviews: ("review", "id")
        case .audit: ("audit_entry", "id")
        }
    }

    /// Columns that are not copied: leases belong to the processes that held them.
    static let leaseColumns: Set<String> = ["worker", "leaseUntil", "notBefore", "pollLeaseHolder", "pollLeaseUntil"]

    public func transferProgress() async throws -> [TransferItem: (lastKey: Int64, copied: Int)] {
        try await run("read the copy's progress") {
            var progress: [TransferItem: (lastKey: Int64, copied: Int)] = [:]
            let rows = try await fetch("SELECT item, last_id, copied FROM migration_progress", logger: logger)
            for row in rows {
                if let item = TransferItem(rawValue: try row.value("item")) { progress[item] = (try row.value("last_id"), try row.value("copied")) }
            }
            return progress
        }
    }

    public func isEmptyForTransfer() async throws -> Bool {
        try await run("look at what it holds") {
            for table in TransferItem.allCases.map({ Self.table($0).name }) {
                if try await count("SELECT COUNT(*) FROM (SELECT 1 FROM \(unescaped: table) LIMIT 1) AS probe") > 0 { return false }
            }
            return true
        }
    }

    public func receive(_ rows: [TransferRow], of item: TransferItem) async throws {
        guard let last = rows.last?.key else { return }
        let (table, conflict) = Self.table(item)
        try await run("store copied \(item.rawValue)") {
            try await withTransaction { connection in
                for row in rows {
                    var columns = row.columns.filter { !Self.leaseColumns.contains($0.key) }
                    // A job under way in the old store is queued again in the new one.
                    if item == .jobs, columns["state"] == .text("running") { columns["state"] = .text("queued") }
                    try await Self.insert(columns, into: table, conflict: conflict, connection: connection, logger: logger)
                    if item == .documents, case .integer(let id)? = row.columns["id"] {
                        try await Self.copyPassages(row.passages, document: id, title: row.columns["title"], connection: connection, logger: logger)
                    }
                }
                try await connection.fetch(
                    """
                    INSERT INTO migration_progress (item, last_id, copied) VALUES (\(item.rawValue), \(last), \(rows.count))
                    ON CONFLICT (item) DO UPDATE SET last_id = excluded.last_id, copied = migration_progress.copied + excluded.copied
                    """, logger: logger)
            }
        }
    }

    static func copyPassages(
        _ passages: [[String: TransferValue]], document id: Int64, title: TransferValue?, connection: PostgresConnection, logger: Logger
    ) async throws {
        var spans: [PassageSpan] = []
        var ids: [Int64] = []
        for passage in passages {
            guard case .integer(let passageID)? = passage["id"], case .integer(let ordinal)? = passage["ordinal"],
                case .integer(let start)? = passage["start"], case .integer(let end)? = passage["end"], case .text(let text)? = passage["text"]
            else { continue }
            spans.append(PassageSpan(ordinal: Int(ordinal), start: Int(start), end: Int(end), text: text))
            ids.append(passageID)
        }
        var titleText: String?
        if case .text(let text)? = title { titleText = text }
        try await insertPassages(connection, document: id, title: titleText, passages: spans, ids: ids, logger: logger)
    }

    /// Inserts one row by the embedded store's column names, keeping a row already there.
    static func insert(
        _ columns: [String: TransferValue], into table: String, conflict: String, connection: PostgresConnection, logger: Logger
    ) async throws {
        let names = columns.keys.sorted()
        var bindings = PostgresBindings()
        var placeholders: [String] = []
        for name in names {
            switch columns[name]! {
            case .null: bindings.appendNull()
            case .integer(let value) where name == "revoked": bindings.append(value != 0)
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            case .blob(let value): try bindings.append(value)
            }
            placeholders.append("$\(bindings.count)")
        }
        let sql = """
            INSERT INTO \(table) (\(names.map { "\"" + snakeCase($0) + "\"" }.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))
            ON CONFLICT (\(conflict)) DO NOTHING
            """
        try await connection.fetch(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
    }

    /// `externalId` as `external_id`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    public func finishTransfer() async throws {
        try await run("continue its counters after the copy") {
            for (table, column) in [("document", "id"), ("passage", "id"), ("review", "id"), ("audit_entry", "id"), ("analysis_job", "position")] {
                try await fetch(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), GREATEST(m, 1), m > 0) FROM (SELECT COALESCE(MAX(\(column)), 0) AS m FROM \(table)) AS top"
                    ), logger: logger)
            }
        }
    }
}
