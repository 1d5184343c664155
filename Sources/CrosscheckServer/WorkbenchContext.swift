public import CrosscheckKit
import Foundation
public import Hummingbird

/// The request context of the workbench: Hummingbird's core, and who is calling.
public struct WorkbenchContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The person the request's token belongs to, with the token's role; `nil` when anonymous.
    public var caller: Caller?
    /// The CSRF token of the caller's signed-in session, which the pages put in every form; `nil`
    /// for token callers and anonymous ones.
    public var csrfToken: String?
    /// The caller's IP address, which the public endpoints' rate limit counts by.
    public var clientAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        caller = nil
        csrfToken = nil
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Who is calling, and what they may do.
public struct Caller: Sendable, Hashable {
    public var name: String
    public var role: Role
}

extension WorkbenchContext {
    /// The caller, when they have at least `role`.
    /// - Throws: ``Problem`` 401 when anonymous, 403 when their role is below `role`.
    func require(_ role: Role) throws -> Caller {
        guard let caller else {
            throw Problem(
                .unauthorized, "Sign in",
                detail: "this needs a token: send Authorization: Bearer TOKEN (an admin makes one with crosscheck users token NAME)",
                type: "urn:crosscheck:error:unauthorized")
        }
        guard caller.role >= role else {
            throw Problem(
                .forbidden, "Not allowed", detail: "this needs the \(role.rawValue) role and your token has \(caller.role.rawValue); ask an admin",
                type: "urn:crosscheck:error:forbidden")
        }
        return caller
    }
}

extension WorkbenchContext {
    /// The path parameter `name`, percent-decoded (a source called "Ferry news" is `Ferry%20news` in a path).
    func pathValue(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
