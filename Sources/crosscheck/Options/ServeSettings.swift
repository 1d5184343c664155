import CrosscheckKit
import Foundation

/// The server's settings below its flags: a config file (JSON, `--config FILE` or
/// `CROSSCHECK_CONFIG`), overridden by the environment (`CROSSCHECK_HOST`, `CROSSCHECK_PORT`, …),
/// overridden by the flags. Unknown keys in the file are refused, so a misspelt setting is not
/// silently ignored.
struct ServeSettings: Decodable, Equatable {
    var host: String?
    var port: Int?
    var workers: Int?
    var maxInputSize: String?
    var publisher: String?
    var publisherUrl: String?
    var secureCookies: Bool?
    var watch: Bool?
    var db: String?
    var publicOrigins: [String]?
    var showAutomated: Bool?
    var hookSecret: String?
    var publicRateLimit: Int?
    var audioCache: String?

    static let keys = [
        "host", "port", "workers", "max_input_size", "publisher", "publisher_url", "secure_cookies", "watch", "db", "public_origins",
        "show_automated", "hook_secret", "public_rate_limit", "audio_cache",
    ]

    /// The settings in the JSON file at `path`.
    static func file(_ path: String) throws -> ServeSettings {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CrosscheckError(.invalidArgument, "the config file \(path) cannot be read; check the path", cause: error)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CrosscheckError(
                .invalidArgument, "the config file \(path) is not a JSON object; write it like {\"port\": 8080, \"publisher\": \"The Ledger\"}")
        }
        let unknown = object.keys.filter { !keys.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw CrosscheckError(
                .invalidArgument,
                "the config file \(path) has unknown settings: \(unknown.joined(separator: ", ")); the settings are \(keys.joined(separator: ", "))")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(ServeSettings.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CrosscheckError(
                .invalidArgument,
                "the config file \(path) gives \(key) a value of the wrong kind (port, workers and public_rate_limit are numbers, secure_cookies, watch and show_automated true or false, public_origins a list of addresses)"
            )
        } catch {
            throw CrosscheckError(.invalidArgument, "the config file \(path) cannot be read as settings: \(error)")
        }
    }

    /// The settings in `CROSSCHECK_HOST`, `CROSSCHECK_PORT`, `CROSSCHECK_WORKERS`,
    /// `CROSSCHECK_MAX_INPUT_SIZE`, `CROSSCHECK_PUBLISHER`, `CROSSCHECK_PUBLISHER_URL`,
    /// `CROSSCHECK_SECURE_COOKIES`, `CROSSCHECK_WATCH`, `CROSSCHECK_PUBLIC_ORIGINS` (comma-separated),
    /// `CROSSCHECK_SHOW_AUTOMATED`, `CROSSCHECK_HOOK_SECRET`, `CROSSCHECK_PUBLIC_RATE_LIMIT` and
    /// `CROSSCHECK_AUDIO_CACHE` (`CROSSCHECK_DB` is the store's everywhere).
    static func environment(_ environment: [String: String]) throws -> ServeSettings {
        func value(_ name: String) -> String? { environment["CROSSCHECK_" + name].flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ name: String) throws -> Int? {
            try value(name).map {
                guard let number = Int($0) else { throw CrosscheckError(.invalidArgument, "CROSSCHECK_\(name)=\($0) is not a number") }
                return number
            }
        }
        func flag(_ name: String) throws -> Bool? {
            try value(name).map {
                switch $0.lowercased() {
                case "1", "true", "yes", "on": return true
                case "0", "false", "no", "off": return false
                default: throw CrosscheckError(.invalidArgument, "CROSSCHECK_\(name)=\($0) is not true or false")
                }
            }
        }
        return ServeSettings(
            host: value("HOST"), port: try number("PORT"), workers: try number("WORKERS"), maxInputSize: value("MAX_INPUT_SIZE"),
            publisher: value("PUBLISHER"), publisherUrl: value("PUBLISHER_URL"), secureCookies: try flag("SECURE_COOKIES"),
            watch: try flag("WATCH"), db: nil,
            publicOrigins: value("PUBLIC_ORIGINS").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            showAutomated: try flag("SHOW_AUTOMATED"), hookSecret: value("HOOK_SECRET"), publicRateLimit: try number("PUBLIC_RATE_LIMIT"),
            audioCache: value("AUDIO_CACHE"))
    }

    /// These settings with every one `other` gives replaced by its.
    func overridden(by other: ServeSettings) -> ServeSettings {
        ServeSettings(
            host: other.host ?? host, port: other.port ?? port, workers: other.workers ?? workers, maxInputSize: other.maxInputSize ?? maxInputSize,
            publisher: other.publisher ?? publisher, publisherUrl: other.publisherUrl ?? publisherUrl,
            secureCookies: other.secureCookies ?? secureCookies, watch: other.watch ?? watch, db: other.db ?? db,
            publicOrigins: other.publicOrigins ?? publicOrigins, showAutomated: other.showAutomated ?? showAutomated,
            hookSecret: other.hookSecret ?? hookSecret, publicRateLimit: other.publicRateLimit ?? publicRateLimit,
            audioCache: other.audioCache ?? audioCache)
    }
}

extension ServeSettings {
    /// `https://news.example` from `https://News.example/`: an origin as browsers send it.
    /// - Throws: ``CrosscheckError`` when `text` is not an http(s) origin without a path.
    static func origin(_ text: String, from source: String) throws -> String {
        var trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme, ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty, components.path.isEmpty, components.query == nil, components.fragment == nil
        else {
            throw CrosscheckError(.invalidArgument, "\(source) \(text) is not a site's origin; give it like https://news.example (no path)")
        }
        return scheme + "://" + host + (components.port.map { ":\($0)" } ?? "")
    }
}
