import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The comment hook: `POST /hooks/coral` in the shapes of Coral's external moderation phase, and
/// `POST /hooks/comments` in plain JSON for other platforms, both signed with the shared secret;
/// and `POST /api/v1/hooks/comments/ID` for a moderator's decision over the screen's.
struct HookRoutes {
    var hook: CommentHook?
    var secret: String?

    static let coralSignature = HTTPField.Name("X-Coral-Signature")!
    static let signature = HTTPField.Name("X-Crosscheck-Signature")!

    /// A comment in plain JSON.
    struct PlainComment: Decodable {
        var id: String?
        var text: String
        var author: String?
        var parent: String?
        var storyUrl: String
    }

    func add(to router: Router<WorkbenchContext>) {
        router.post("hooks/coral") { request, context in
            let (hook, body) = try await signedBody(request, header: Self.coralSignature)
            guard let asked = try? JSONDecoder().decode(CoralModeration.Request.self, from: body) else {
                throw Problem(
                    .badRequest, "Not a Coral moderation request",
                    detail: "send Coral's external moderation body: {\"comment\": {\"body\": …}, \"story\": {\"url\": …}, …}",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            if let role = asked.author?.role, CoralModeration.staffRoles.contains(role) { return Response(status: .noContent) }
            let decision = try await hook.screen(
                .init(
                    text: asked.comment.body, author: asked.author?.id, parent: asked.comment.parentID, storyURL: asked.story?.url,
                    platform: "hook:coral"))
            return try JSONResponse(value: CoralModeration.response(for: decision), keepKeys: true).response(from: request, context: context)
        }
        router.post("hooks/comments") { request, context in
            let (hook, body) = try await signedBody(request, header: Self.signature)
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            guard let asked = try? decoder.decode(PlainComment.self, from: body), !asked.text.isEmpty else {
                throw Problem(
                    .badRequest, "Not a comment", detail: "send {\"text\": …, \"author\": …, \"story_url\": …} (id and parent optional)",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let decision = try await hook.screen(
                .init(id: asked.id, text: asked.text, author: asked.author, parent: asked.parent, storyURL: asked.storyUrl, platform: "hook:json"))
            return try JSONResponse(value: decision).response(from: request, context: context)
        }
        router.post("api/v1/hooks/comments/{id}") { request, context in
            let caller = try context.require(.analyst)
            guard let hook else { throw Self.off }
            var request = request
            let body = try await request.body(
                upTo: 16 * 1024, title: "Decision too large", detail: "send {\"decision\": \"approve\" or \"reject\", \"note\": …, \"story_url\": …}")
            struct Override: Decodable { var decision: String; var note: String?; var storyUrl: String? }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            guard let asked = try? decoder.decode(Override.self, from: Data(body.readableBytesView)), ["approve", "reject"].contains(asked.decision)
            else {
                throw Problem(
                    .badRequest, "No decision", detail: "send {\"decision\": \"approve\" or \"reject\", \"note\": …}",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let entry = try await hook.override(
                comment: try context.pathValue("id"), story: asked.storyUrl, decision: asked.decision, note: asked.note ?? "", by: caller)
            return JSONResponse(value: entry)
        }
    }

    static let off = Problem(
        .serviceUnavailable, "Comment hook off",
        detail: "the comment hook needs a shared secret: set hook_secret (CROSSCHECK_HOOK_SECRET) and give it to the comment platform",
        type: "urn:crosscheck:error:hookOff")

    /// The body of a request signed with the shared secret in `header` (`sha256=HEX`, several
    /// comma-separated while a secret is rotated).
    func signedBody(_ request: Request, header: HTTPField.Name) async throws -> (CommentHook, Data) {
        guard let hook, let secret else { throw Self.off }
        var request = request
        let body = Data(try await request.body(upTo: 256 * 1024, title: "Comment too large", detail: "a comment is at most 256 KB").readableBytesView)
        let offered = (request.headers[header] ?? "").split(separator: ",").compactMap { part -> String? in
            let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            return pieces.count == 2 && pieces[0] == "sha256" ? String(pieces[1]) : nil
        }
        guard offered.contains(where: { Digests.isHMACSHA256($0.lowercased(), of: body, key: secret) }) else {
            throw Problem(
                .unauthorized, "Bad signature", detail: "sign the raw body with the shared secret: \(header.rawName): sha256=HMAC-SHA256 in hex",
                type: "urn:crosscheck:error:unauthorized")
        }
        return (hook, body)
    }
}
