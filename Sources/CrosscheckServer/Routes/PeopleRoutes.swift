import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// People and their tokens, for admins:
///
/// - `GET /api/v1/users` — everyone, with their role and tokens (ids, roles, revoked; never the tokens).
/// - `POST /api/v1/users` — `{"name", "role", "password"?}`: adds a person.
/// - `DELETE /api/v1/users/{name}` — removes a person and revokes their tokens.
/// - `POST /api/v1/users/{name}/tokens` — `{"role"?}`: issues a token, answered once.
/// - `DELETE /api/v1/tokens/{id}` — revokes a token.
struct PeopleRoutes {
    var people: any PeopleAdministration.Store

    struct PersonView: Encodable, Sendable {
        var name: String
        var role: Role
        var added: String
        var hasPassword: Bool
        var tokens: [APIToken]
    }

    struct NewPerson: Decodable {
        var name: String
        var role: Role
        var password: String?
    }

    struct NewToken: Decodable {
        var role: Role?
    }

    struct IssuedToken: Encodable, Sendable {
        /// The token itself: shown this once, stored only as a hash.
        var token: String
        var id: String
        var person: String
        var role: Role
    }

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.get("users") { request, context -> JSONResponse<[PersonView]> in
            _ = try context.require(.admin)
            var views: [PersonView] = []
            for person in try await people.people() {
                views.append(
                    PersonView(
                        name: person.name, role: person.role, added: person.added, hasPassword: person.passwordHash != nil,
                        tokens: try await people.tokens(of: person.name)))
            }
            return JSONResponse(value: views)
        }
        api.post("users") { request, context -> JSONResponse<PersonView> in
            let caller = try context.require(.admin)
            guard let asked = try? await request.decode(as: NewPerson.self, context: context) else {
                throw Problem(
                    .badRequest, "Bad person",
                    detail: "send {\"name\": …, \"role\": \"viewer\" | \"analyst\" | \"editor\" | \"admin\", \"password\"?: …}",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            guard try await people.person(named: asked.name) == nil else {
                throw Problem(
                    .conflict, "Name taken", detail: "there is already someone called \(asked.name); choose another name",
                    type: "urn:crosscheck:error:conflict")
            }
            let person = try await PeopleAdministration(store: people, actor: caller.name).add(
                name: asked.name, role: asked.role, password: asked.password)
            return JSONResponse(
                status: .created,
                value: PersonView(name: person.name, role: person.role, added: person.added, hasPassword: person.passwordHash != nil, tokens: []))
        }
        api.delete("users/:name") { request, context -> Response in
            let caller = try context.require(.admin)
            let name = try context.pathValue("name")
            guard try await PeopleAdministration(store: people, actor: caller.name).remove(name: name) else {
                throw Problem(
                    .notFound, "No such person", detail: "there is no one called \(name); see GET /api/v1/users",
                    type: "urn:crosscheck:error:notFound")
            }
            return Response(status: .noContent)
        }
        api.post("users/:name/tokens") { request, context -> JSONResponse<IssuedToken> in
            let caller = try context.require(.admin)
            let name = try context.pathValue("name")
            var request = request
            let body = try await request.body(upTo: 4096, title: "Token request too large", detail: "send {} or {\"role\": …}")
            var role: Role?
            if body.readableBytes > 0 {
                guard let asked = try? JSONDecoder().decode(NewToken.self, from: Data(body.readableBytesView)) else {
                    throw Problem(
                        .badRequest, "Bad token request", detail: "send {} or {\"role\": \"viewer\" | \"analyst\" | \"editor\" | \"admin\"}",
                        type: "urn:crosscheck:error:invalidArgument")
                }
                role = asked.role
            }
            guard try await people.person(named: name) != nil else {
                throw Problem(
                    .notFound, "No such person", detail: "there is no one called \(name); add them first", type: "urn:crosscheck:error:notFound")
            }
            let issued = try await PeopleAdministration(store: people, actor: caller.name).issueToken(for: name, role: role)
            return JSONResponse(
                status: .created, value: IssuedToken(token: issued.token, id: issued.stored.id, person: name, role: issued.stored.role),
                headers: [.cacheControl: "no-store"])
        }
        api.delete("tokens/:id") { request, context -> Response in
            let caller = try context.require(.admin)
            let id = try context.pathValue("id")
            guard try await PeopleAdministration(store: people, actor: caller.name).revokeToken(id: id) else {
                throw Problem(
                    .notFound, "No such token", detail: "there is no live token \(id); see GET /api/v1/users", type: "urn:crosscheck:error:notFound")
            }
            return Response(status: .noContent)
        }
    }
}
