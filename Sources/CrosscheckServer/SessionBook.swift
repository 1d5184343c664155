import CrosscheckKit
import Foundation

/// Signed-in sessions and failed sign-ins, kept in the server's memory: a restart signs everyone
/// out. A name with too many failures in a row is locked for a while, whatever the password.
actor SessionBook {
    struct Session: Sendable {
        var caller: Caller
        /// Sent back with every change made through the session (the `X-CSRF-Token` header).
        var csrfToken: String
        var expires: Date
    }

    /// Failed sign-ins that lock a name, and for how long.
    static let allowedFailures = 5
    static let lockout: TimeInterval = 15 * 60
    static let lifetime: TimeInterval = 12 * 60 * 60

    private var sessions: [String: Session] = [:]
    private var failures: [String: (count: Int, lockedUntil: Date?)] = [:]
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Seconds until `name` may try again, when it is locked.
    func lockedFor(_ name: String) -> Int? {
        guard let until = failures[name]?.lockedUntil, until > now() else { return nil }
        return Int(until.timeIntervalSince(now()).rounded(.up))
    }

    /// Records a failed sign-in; the last allowed failure locks the name.
    func failed(_ name: String) {
        var entry = failures[name] ?? (0, nil)
        entry.count += 1
        if entry.count >= Self.allowedFailures {
            entry = (0, now().addingTimeInterval(Self.lockout))
        }
        failures[name] = entry
    }

    /// Opens a session for `caller`; returns its id and CSRF token.
    func open(for caller: Caller) -> (id: String, csrfToken: String) {
        failures[caller.name] = nil
        let id = Self.random(), csrf = Self.random()
        sessions[id] = Session(caller: caller, csrfToken: csrf, expires: now().addingTimeInterval(Self.lifetime))
        return (id, csrf)
    }

    /// The live session with this id.
    func session(_ id: String) -> Session? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > now() else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    func close(_ id: String) { sessions[id] = nil }

    static func random() -> String {
        (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
