import CapstanModel

extension Description {
    static func configMap(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let map = context.object
        names(map, &w)
        labels(0, "Labels", map.labels, &w)
        annotations(0, map.annotations, &w)
        w.flush()
        w.write(0, "")
        w.write(0, "Data")
        w.write(0, "====")
        for (key, value) in (map.value["data"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            w.write(0, "\(key):")
            w.write(0, "----")
            for line in (value.stringValue ?? value.jsonString()).split(
                separator: "\n", omittingEmptySubsequences: false)
            {
                w.raw(0, String(line))
            }
            w.write(0, "")
        }
        w.write(0, "")
        w.write(0, "BinaryData")
        w.write(0, "====")
        for (key, value) in (map.value["binaryData"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            w.write(0, "\(key):\t\(base64Size(value.stringValue ?? "")) bytes")
        }
        w.write(0, "")
    }

    /// Keys and sizes only: the server sends `<redacted, N bytes>` and nothing here could print more.
    static func secret(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let secret = context.object
        names(secret, &w)
        labels(0, "Labels", secret.labels, &w)
        annotations(0, secret.annotations, &w)
        w.flush()
        w.write(0, "")
        w.write(0, "Type:\t\(secret.value["type"]?.stringValue ?? "Opaque")")
        w.flush()
        w.write(0, "")
        w.write(0, "Data")
        w.write(0, "====")
        var sizes: [String: Int] = [:]
        for field in ["data", "stringData"] {
            for (key, value) in secret.value[field]?.objectValue ?? [:] {
                let text = value.stringValue ?? ""
                sizes[key] = redactedSize(text) ?? (field == "data" ? base64Size(text) : text.utf8.count)
            }
        }
        for (key, size) in sizes.sorted(by: { $0.key < $1.key }) { w.write(0, "\(key):\t\(size) bytes") }
    }

    /// N from the server's `<redacted, N bytes>`.
    static func redactedSize(_ text: String) -> Int? {
        guard text.hasPrefix("<redacted, "), text.hasSuffix(" bytes>") else { return nil }
        return Int(text.dropFirst("<redacted, ".count).dropLast(" bytes>".count))
    }

    static func base64Size(_ text: String) -> Int {
        let padding = text.reversed().prefix { $0 == "=" }.count
        return max(text.utf8.count / 4 * 3 - padding, 0)
    }

    /// Any other kind: the identifying lines, then every other top-level field as YAML.
    static func generic(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let object = context.object
        names(object, &w)
        labels(0, "Labels", object.labels, &w)
        annotations(0, object.annotations, &w)
        w.write(0, "API Version:\t\(object.apiVersion)")
        w.write(0, "Kind:\t\(object.kind)")
        let fields = (object.value.objectValue ?? [:]).filter { $0.key != "apiVersion" && $0.key != "kind" }
        let order = ["metadata", "spec", "status"]
        let sorted = fields.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs.key) ?? order.count
            let right = order.firstIndex(of: rhs.key) ?? order.count
            return left == right ? lhs.key < rhs.key : left < right
        }
        for (key, value) in sorted {
            let title = key.prefix(1).uppercased() + key.dropFirst()
            guard value.objectValue?.isEmpty == false || value.arrayValue?.isEmpty == false else {
                w.write(0, "\(title):\t\(value.stringValue ?? value.jsonString())")
                continue
            }
            w.write(0, "\(title):")
            for line in YAMLRenderer.render(value).split(separator: "\n") { w.raw(1, String(line)) }
        }
    }
}
