import CapstanModel

/// A JSON object of a payload whose accessors answer 400 naming the field by its dotted path.
struct PayloadObject {
    let fields: [String: Value]
    /// The path of this object in the payload (`repository`), empty for the root.
    let path: String

    /// The payload's root object; 400 when the body is not JSON or not an object.
    static func parse(_ body: [UInt8]) throws(WebhookRejection) -> PayloadObject {
        let value: Value
        do {
            value = try JSONParser.parse(body)
        } catch {
            let hint = body.starts(with: Array("payload=".utf8)) ? " (set the content type to application/json)" : ""
            throw .badRequest("the payload is not valid JSON: \(error.description)\(hint)")
        }
        guard let fields = value.objectValue else {
            throw .badRequest("the payload must be a JSON object, got \(value.typeName)")
        }
        return PayloadObject(fields: fields, path: "")
    }

    /// The dotted name of `key` in this object.
    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// A string field (null counts as absent); 400 when it has another type or is required and absent.
    func string(_ key: String, required: Bool = false) throws(WebhookRejection) -> String? {
        guard let value = fields[key], !value.isNull else {
            if required { throw .badRequest("field \"\(name(key))\" is required") }
            return nil
        }
        guard let text = value.stringValue else {
            throw .badRequest("field \"\(name(key))\" must be a string, got \(value.typeName)")
        }
        return text
    }

    /// A non-empty string field; 400 when absent, empty or of another type.
    func nonEmptyString(_ key: String) throws(WebhookRejection) -> String {
        let text = try string(key, required: true) ?? ""
        guard !text.trimmingSpaces.isEmpty else { throw .badRequest("field \"\(name(key))\" must not be empty") }
        return text
    }

    /// A boolean field (null counts as absent).
    func bool(_ key: String) throws(WebhookRejection) -> Bool? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else {
            throw .badRequest("field \"\(name(key))\" must be a boolean, got \(value.typeName)")
        }
        return flag
    }

    /// An object field (null counts as absent).
    func object(_ key: String, required: Bool = false) throws(WebhookRejection) -> PayloadObject? {
        guard let value = fields[key], !value.isNull else {
            if required { throw .badRequest("field \"\(name(key))\" is required") }
            return nil
        }
        guard let members = value.objectValue else {
            throw .badRequest("field \"\(name(key))\" must be an object, got \(value.typeName)")
        }
        return PayloadObject(fields: members, path: name(key))
    }

    /// The non-empty strings among `keys` (absent, null and empty ones skipped; other types are a 400).
    func urls(_ keys: [String]) throws(WebhookRejection) -> [String] {
        var found: [String] = []
        for key in keys {
            if let url = try string(key), !url.trimmingSpaces.isEmpty { found.append(url) }
        }
        return found
    }
}
