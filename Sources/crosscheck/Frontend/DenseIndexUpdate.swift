import CrosscheckKit
import Foundation

/// Builds a store's dense index for `crosscheck sources index` when the encoder runs here, with
/// progress on a terminal; says what it did on standard output.
enum DenseIndexUpdate {
    static func run(_ store: any DocumentStore, engine: Engine) async throws {
        guard try await store.denseIndexPath() != nil else { return }
        guard var indexing = try engine.denseIndexing() else {
            print("no dense index: the sentence encoder cannot run here, so passages are found by words alone")
            return
        }
        let shown = ProgressBox()
        indexing.progress = { done, total in shown.show(done: done, total: total) }
        let clock = ContinuousClock()
        let start = clock.now
        let built = try await indexing.rebuild(store)
        shown.finish()
        if let built { print("built the dense index of \(built) passages in \(clock.now - start)") }
    }
}

/// ``Progress`` behind a lock, for a callback that may be called from any thread.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var progress = Progress()

    func show(done: Int, total: Int) {
        lock.withLock { progress.show(done: done, total: total > 0 ? total : nil, unit: "passages embedded") }
    }

    func finish() { lock.withLock { progress.finish() } }
}
