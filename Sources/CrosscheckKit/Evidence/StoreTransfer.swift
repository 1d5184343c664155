public import Foundation

/// What `crosscheck migrate` copies from one store to another, table by table in key order, so
/// an interrupted copy resumes after the last batch it finished.
public enum TransferItem: String, Sendable, Hashable, CaseIterable {
    case sources, documents, factChecks, jobs, people, tokens, reviews, audit
}

/// One stored value, as the embedded store holds it.
public enum TransferValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// One row of a table, with its key (its order in the table); a document carries its passages.
public struct TransferRow: Sendable, Hashable {
    public var key: Int64
    /// The row's columns by the embedded store's names.
    public var columns: [String: TransferValue]
    /// A document's passages, each by the embedded store's column names.
    public var passages: [[String: TransferValue]]

    public init(key: Int64, columns: [String: TransferValue], passages: [[String: TransferValue]] = []) {
        self.key = key
        self.columns = columns
        self.passages = passages
    }
}

/// A store whose tables can be read out for a copy.
public protocol TransferSource: Sendable {
    /// Up to `limit` rows of `item` after key `after`, in key order.
    func transferRows(of item: TransferItem, after: Int64, limit: Int) async throws -> [TransferRow]
    /// How many rows `item` has.
    func transferCount(of item: TransferItem) async throws -> Int
}

/// A store that takes a copy, batch by batch, remembering how far it got.
public protocol TransferTarget: Sendable {
    /// How far each item's copy got: its last key and how many rows were copied.
    func transferProgress() async throws -> [TransferItem: (lastKey: Int64, copied: Int)]
    /// Whether the store holds nothing yet (a copy starts only into an empty store).
    func isEmptyForTransfer() async throws -> Bool
    /// Stores `rows` of `item` and the progress after them in one transaction; rows already there
    /// are kept as they are.
    func receive(_ rows: [TransferRow], of item: TransferItem) async throws
    /// Makes new rows continue after the copied ones (identity counters).
    func finishTransfer() async throws
}
