import Foundation
import Synchronization

/// A token bucket per client address: each may make `perMinute` requests a minute, in bursts of up
/// to a quarter of that. Addresses idle for a minute are forgotten, so memory stays bounded by the
/// clients of the last minute.
final class RateLimiter: Sendable {
    let perMinute: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    init(perMinute: Int) {
        self.perMinute = max(1, perMinute)
    }

    var burst: Double { max(1, Double(perMinute) / 4) }

    /// Takes a token for `client`; `nil` when it may go on, else how many seconds until it may.
    func take(_ client: String, now: ContinuousClock.Instant = .now) -> Int? {
        let rate = Double(perMinute) / 60
        return buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.updated < .seconds(60) } }
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * rate)
            bucket.updated = now
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
