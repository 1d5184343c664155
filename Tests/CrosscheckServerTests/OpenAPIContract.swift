import Foundation

/// The API as `docs/openapi.json` describes it, and a check of real responses against it: the
/// route and status are listed, the content type is one the document gives, and the body fits its
/// schema (types, required properties, enums, items, `$ref`s).
struct OpenAPIContract: @unchecked Sendable {  // read-only after loading
    let document: [String: Any]

    static let shared: OpenAPIContract = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.json")
        let data = try! Data(contentsOf: url)
        return OpenAPIContract(document: try! JSONSerialization.jsonObject(with: data) as! [String: Any])
    }()

    /// What is wrong with a response to `method path`, or nothing.
    func problems(method: String, path: String, status: Int, contentType: String?, body: Data) -> [String] {
        let paths = document["paths"] as? [String: Any] ?? [:]
        let route = path.split(separator: "?").first.map(String.init) ?? path
        guard let (template, item) = paths.first(where: { Self.matches(template: $0.key, path: route) }) else {
            return ["\(route) is not in the document"]
        }
        guard let operation = (item as? [String: Any])?[method.lowercased()] as? [String: Any] else {
            return ["\(method) \(template) is not in the document"]
        }
        guard var response = (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any] else {
            return ["\(method) \(template) does not list status \(status)"]
        }
        if let reference = response["$ref"] as? String { response = resolve(reference) }
        guard let content = response["content"] as? [String: Any] else { return body.isEmpty ? [] : ["\(status) should have no body"] }
        let type = contentType?.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[type] as? [String: Any] else { return ["\(method) \(template) \(status) does not list content type \(type)"] }
        guard let schema = media["schema"] as? [String: Any] else { return [] }
        guard type == "application/json" || type.hasSuffix("+json") else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return ["the body is not JSON"] }
        return validate(value, schema, at: "body")
    }

    static func matches(template: String, path: String) -> Bool {
        let a = template.split(separator: "/"), b = path.split(separator: "/")
        return a.count == b.count && zip(a, b).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    func resolve(_ reference: String) -> [String: Any] {
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    func validate(_ value: Any, _ schema: [String: Any], at place: String) -> [String] {
        if let reference = schema["$ref"] as? String { return validate(value, resolve(reference), at: place) }
        var problems: [String] = []
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(place) is not an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(place).\(key) is missing") }
            for (key, property) in schema["properties"] as? [String: Any] ?? [:] {
                if let child = object[key], let property = property as? [String: Any] { problems += validate(child, property, at: "\(place).\(key)") }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(place) is not an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() { problems += validate(element, items, at: "\(place)[\(index)]") }
            }
        case "string": if !(value is String) { problems.append("\(place) is not a string") }
        case "integer": if !Self.isInteger(value) { problems.append("\(place) is not an integer") }
        case "boolean": if !Self.isBoolean(value) { problems.append("\(place) is not a boolean") }
        default: break
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            problems.append("\(place) is \(text), not one of \(allowed)")
        }
        return problems
    }

    /// JSON numbers and booleans both arrive as NSNumber; a boolean's type code is "c".
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func isInteger(_ value: Any) -> Bool {
        guard let number = value as? NSNumber, !isBoolean(value) else { return false }
        return number.doubleValue.rounded() == number.doubleValue
    }
}
