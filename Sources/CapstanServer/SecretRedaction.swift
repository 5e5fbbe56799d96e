import CapstanModel

/// Secret values never leave the service: `data` values become `<redacted, N bytes>`.
enum SecretRedaction {
    static func redact(_ resource: Resource) -> Resource {
        guard resource.kind == "Secret", resource.group.isEmpty else { return resource }
        var redacted = resource
        for field in ["data", "stringData"] {
            guard let members = resource.value[field]?.objectValue else { continue }
            redacted.value[field] = .object(
                members.mapValues { value in
                    let size = decodedSize(value.stringValue ?? "", base64: field == "data")
                    return .string("<redacted, \(size) bytes>")
                })
        }
        return redacted
    }

    private static func decodedSize(_ text: String, base64: Bool) -> Int {
        guard base64 else { return text.utf8.count }
        let padding = text.reversed().prefix { $0 == "=" }.count
        return max(text.utf8.count / 4 * 3 - padding, 0)
    }
}
