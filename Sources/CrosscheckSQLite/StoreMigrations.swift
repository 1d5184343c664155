import GRDB

/// The store's schema, as versioned migrations. Tables are singular camelCase, as GRDB recommends.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, documents, passages, fact-checks") { db in
            try db.create(table: "source") { t in
                t.primaryKey("name", .text)
                t.column("url", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("every", .integer).notNull()
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("lastPolled", .text)
                t.column("lastResult", .text)
                t.column("failures", .integer).notNull().defaults(to: 0)
                t.column("nextPoll", .text)
            }
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("externalId", .text)
                t.column("source", .text).notNull().indexed()
                t.column("url", .text).indexed()
                t.column("title", .text)
                t.column("publisher", .text)
                t.column("published", .text)
                t.column("publishedAt", .double).indexed()
                t.column("retrieved", .text).notNull()
                t.column("language", .text)
                t.column("text", .text).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("fingerprint", .integer).notNull()
                for band in 0..<4 { t.column("band\(band)", .integer).notNull().indexed() }
            }
            try db.create(table: "passage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("document", onDelete: .cascade).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(virtualTable: "passageFTS", using: FTS5()) { t in
                t.synchronize(withTable: "passage")
                t.tokenizer = .porter(wrapping: .unicode61())
                t.column("text")
            }
            try db.execute(sql: "CREATE VIRTUAL TABLE passageVocab USING fts5vocab(passageFTS, 'row')")
            try db.create(table: "factCheck") { t in
                t.primaryKey("id", .text)
                t.column("claim", .text).notNull()
                t.column("title", .text)
                t.column("subtitle", .text)
                t.column("rating", .text)
                t.column("url", .text)
                t.column("date", .text)
                t.column("publisher", .text)
                t.column("claimant", .text)
                t.column("position", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: analysis jobs") { db in
            try db.create(table: "analysisJob") { t in
                t.primaryKey("id", .text)
                t.column("state", .text).notNull().indexed()
                t.column("submitted", .text).notNull()
                t.column("started", .text)
                t.column("finished", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("error", .text)
                t.column("name", .text).notNull()
                t.column("url", .text).indexed()
                t.column("contentType", .text)
                t.column("data", .blob).notNull()
                t.column("report", .blob)
                t.column("position", .integer).notNull().indexed()
            }
        }
        migrator.registerMigration("v3: people, tokens, reviews, audit log") { db in
            try db.create(table: "person") { t in
                t.primaryKey("name", .text)
                t.column("role", .text).notNull()
                t.column("added", .text).notNull()
                t.column("passwordHash", .text)
            }
            try db.create(table: "apiToken") { t in
                t.primaryKey("id", .text)
                t.column("person", .text).notNull().indexed()
                t.column("role", .text).notNull()
                t.column("created", .text).notNull()
                t.column("revoked", .boolean).notNull().defaults(to: false)
                t.column("hash", .text).notNull()
            }
            try db.create(table: "review") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("job", .text).notNull().indexed()
                t.column("target", .text).notNull()
                t.column("action", .text).notNull()
                t.column("before", .text).notNull()
                t.column("after", .text).notNull()
                t.column("note", .text).notNull()
                t.column("reviewer", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull().indexed()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull().indexed()
                t.column("detail", .text)
                t.column("before", .text)
                t.column("after", .text)
                t.column("note", .text)
            }
            // Append-only: the database itself refuses to change or remove an entry.
            try db.execute(
                sql: """
                    CREATE TRIGGER auditEntryNoUpdate BEFORE UPDATE ON auditEntry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER auditEntryNoDelete BEFORE DELETE ON auditEntry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v4: job and poll leases, retry times") { db in
            try db.alter(table: "analysisJob") { t in
                t.add(column: "worker", .text)
                t.add(column: "leaseUntil", .double)
                t.add(column: "notBefore", .double)
            }
            try db.alter(table: "source") { t in
                t.add(column: "pollLeaseHolder", .text)
                t.add(column: "pollLeaseUntil", .double)
            }
        }
        return migrator
    }
}
