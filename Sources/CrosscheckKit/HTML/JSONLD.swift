internal import Foundation

/// The JSON-LD objects of a page (`<script type="application/ld+json">`), flattened.
///
/// Arrays and `@graph` lists are unpacked, so each element is one schema.org object.
struct JSONLD {
    /// One schema.org object as decoded by `JSONSerialization`.
    typealias Object = [String: Any]

    let objects: [Object]

    init(document: HTMLDocument) {
        var objects: [Object] = []
        for script in document.elements("script") {
            let type = document[script].attribute("type")?.lowercased() ?? ""
            guard type.contains("ld+json") else { continue }
            let raw = document.rawText(of: script)
            guard let data = raw.data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            Self.flatten(value, into: &objects)
        }
        self.objects = objects
    }

    init(objects: [Object]) { self.objects = objects }

    static func flatten(_ value: Any, into objects: inout [Object]) {
        if let array = value as? [Any] {
            for element in array { flatten(element, into: &objects) }
        } else if let object = value as? Object {
            objects.append(object)
            if let graph = object["@graph"] { flatten(graph, into: &objects) }
        }
    }

    /// The `@type` names of `object`, lower-cased.
    static func types(of object: Object) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [String] { return types.map { $0.lowercased() } }
        return []
    }

    /// The article object: a NewsArticle, Article, BlogPosting, ReportageNewsArticle, ... .
    var article: Object? {
        objects.first { object in
            Self.types(of: object).contains { $0.hasSuffix("article") || $0 == "blogposting" || $0 == "report" }
        } ?? objects.first { $0["headline"] != nil }
    }

    /// A plain string from a JSON-LD value that may be a string, an object with `name`/`@id`, or a list.
    static func string(_ value: Any?, key: String = "name") -> String? {
        if let string = value as? String { return string.isEmpty ? nil : string }
        if let object = value as? Object { return string(object[key]) ?? string(object["@id"]) }
        if let array = value as? [Any] {
            let parts = array.compactMap { string($0, key: key) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        return nil
    }

    /// The names of the authors in an `author` value.
    static func names(_ value: Any?) -> String? {
        if let string = value as? String { return string.isEmpty ? nil : string }
        if let object = value as? Object { return object["name"] as? String }
        if let array = value as? [Any] {
            let parts = array.compactMap { names($0) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        return nil
    }
}
