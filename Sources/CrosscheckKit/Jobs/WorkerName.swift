public import Foundation

/// How a process is named to the others sharing a store: in job and poll leases, and in logs.
public enum WorkerName {
    /// This process: its host, process id and a random suffix (a restarted process with the same
    /// id is a new worker).
    public static let thisProcess: String = {
        let host = ProcessInfo.processInfo.hostName
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(suffix)"
    }()
}
