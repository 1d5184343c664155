/// The shapes of Coral's external moderation phase (coralproject/talk, `phases/external.ts`):
/// Coral posts each new or edited comment, signed with `X-Coral-Signature: sha256=HEX`, and takes
/// a status and flag actions back. Keys Coral does not know are dropped by it, so the answer also
/// carries Crosscheck's reasons for anyone reading the exchange.
enum CoralModeration {
    struct Request: Decodable, Sendable {
        var action: String?
        var comment: Comment
        var author: Author?
        var story: Story?
        var tenantID: String?

        struct Comment: Decodable, Sendable {
            var body: String
            var parentID: String?
        }

        struct Author: Decodable, Sendable {
            var id: String?
            var role: String?
        }

        struct Story: Decodable, Sendable {
            var id: String?
            var url: String?
        }
    }

    struct Response: Encodable, Sendable {
        /// `SYSTEM_WITHHELD` holds the comment for a moderator; absent leaves the decision to Coral.
        var status: String?
        var actions: [Action]
        var crosscheck: CommentHook.Decision

        struct Action: Encodable, Sendable {
            var actionType = "FLAG"
            /// Coral takes `COMMENT_DETECTED_SPAM` or `COMMENT_DETECTED_TOXIC`.
            var reason: String
        }
    }

    /// Staff comments are not screened.
    static let staffRoles: Set<String> = ["ADMIN", "MODERATOR", "STAFF"]

    /// Coral's answer for `decision`: held ones are withheld for a moderator and flagged as spam,
    /// the one detected reason Coral has for inauthentic comments.
    static func response(for decision: CommentHook.Decision) -> Response {
        let held = decision.decision == "hold"
        return Response(status: held ? "SYSTEM_WITHHELD" : nil, actions: held ? [.init(reason: "COMMENT_DETECTED_SPAM")] : [], crosscheck: decision)
    }
}
