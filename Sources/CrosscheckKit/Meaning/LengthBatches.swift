/// Groups sequences into forward batches of similar length: the indices sorted by length, cut
/// whenever the next sequence would take a batch past `tokens` tokens (a longer sequence alone).
enum LengthBatches {
    /// The batches of indices into `lengths`, shortest sequences first.
    static func batches(_ lengths: [Int], tokens limit: Int) -> [[Int]] {
        var result: [[Int]] = []
        var batch: [Int] = []
        var tokens = 0
        for index in lengths.indices.sorted(by: { lengths[$0] < lengths[$1] }) {
            if !batch.isEmpty, tokens + lengths[index] > limit {
                result.append(batch)
                batch = []
                tokens = 0
            }
            batch.append(index)
            tokens += lengths[index]
        }
        if !batch.isEmpty { result.append(batch) }
        return result
    }
}
