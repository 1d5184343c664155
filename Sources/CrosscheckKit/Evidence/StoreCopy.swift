/// Copies one store into another, item by item and batch by batch, resuming after the last
/// batch a cut-off copy finished.
public struct StoreCopy: Sendable {
    public var source: any TransferSource
    public var target: any TransferTarget
    public var batch: Int

    public init(source: any TransferSource, target: any TransferTarget, batch: Int = 500) {
        self.source = source
        self.target = target
        self.batch = max(1, batch)
    }

    /// Runs the copy; `progress` hears of each batch. Returns, per item, how many rows the target
    /// holds from the copy and how many the source has.
    /// - Throws: ``CrosscheckError`` (`invalidArgument`) when a new copy would go into a store that
    ///   holds data already.
    @discardableResult
    public func run(progress: (TransferItem, Int, Int) -> Void = { _, _, _ in }) async throws -> [(TransferItem, Int, Int)] {
        var done = try await target.transferProgress()
        if done.isEmpty, try await !target.isEmptyForTransfer() {
            throw CrosscheckError(
                .invalidArgument, "the target store holds data already and no copy was started into it; copy into a new, empty database")
        }
        var summary: [(TransferItem, Int, Int)] = []
        for item in TransferItem.allCases {
            let total = try await source.transferCount(of: item)
            var (last, copied) = done[item] ?? (0, 0)
            while true {
                let rows = try await source.transferRows(of: item, after: last, limit: batch)
                guard let key = rows.last?.key else { break }
                try await target.receive(rows, of: item)
                last = key
                copied += rows.count
                progress(item, copied, total)
            }
            done[item] = (last, copied)
            summary.append((item, copied, total))
        }
        try await target.finishTransfer()
        return summary
    }
}
