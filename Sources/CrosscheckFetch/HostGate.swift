import Foundation

/// Keeps requests to one host apart in time and remembers each host's robots.txt rules.
actor HostGate {
    private var nextAllowed: [String: ContinuousClock.Instant] = [:]
    private var robots: [String: RobotsRules] = [:]
    private let delay: Duration
    private let clock = ContinuousClock()

    init(delay: Duration) {
        self.delay = delay
    }

    /// Reserves the next slot for `host` and returns how long to wait for it.
    func reserve(_ host: String) -> Duration {
        let now = clock.now
        let slot = max(now, nextAllowed[host] ?? now)
        nextAllowed[host] = slot + delay
        return slot - now
    }

    func rules(for host: String) -> RobotsRules? { robots[host] }

    func setRules(_ rules: RobotsRules, for host: String) { robots[host] = rules }
}
