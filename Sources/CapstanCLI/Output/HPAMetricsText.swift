import CapstanModel

/// kubectl's TARGETS for an autoscaling/v2 HorizontalPodAutoscaler: `cpu: 90%/50%`, `<unknown>` before the
/// first measurement, at most two metrics then `+ N more...`.
enum HPAMetricsText {
    static func targets(_ hpa: Resource) -> String {
        let specs = hpa.value[path: ["spec", "metrics"]]?.arrayValue ?? []
        guard !specs.isEmpty else { return "<none>" }
        let statuses = hpa.value[path: ["status", "currentMetrics"]]?.arrayValue ?? []
        let list = specs.enumerated().map { index, spec in metric(spec, statuses[safe: index]) }
        guard list.count > 2 else { return list.joined(separator: ", ") }
        return list.prefix(2).joined(separator: ", ") + " + \(list.count - 2) more..."
    }

    /// One metric as `current/target`.
    static func metric(_ spec: Value, _ status: Value?) -> String {
        let type = spec["type"]?.stringValue ?? ""
        let source = spec[lowerFirst(type)]
        let current = status?[lowerFirst(type)]?["current"]
        let target = source?["target"]
        let name = source?["name"]?.stringValue ?? source?[path: ["metric", "name"]]?.stringValue ?? ""
        let prefix = type == "Resource" || type == "ContainerResource" ? "\(name): " : ""
        if let average = target?["averageValue"] {
            let now = current?["averageValue"].map(quantity) ?? "<unknown>"
            let suffix = type == "External" || type == "Object" ? " (avg)" : ""
            return "\(prefix)\(now)/\(quantity(average))\(suffix)"
        }
        if let utilization = target?["averageUtilization"]?.intValue {
            let now = current?["averageUtilization"]?.intValue.map { "\($0)%" } ?? "<unknown>"
            return "\(prefix)\(now)/\(utilization)%"
        }
        if let value = target?["value"] {
            return "\(prefix)\(current?["value"].map(quantity) ?? "<unknown>")/\(quantity(value))"
        }
        return type.isEmpty ? "<unknown type>" : "\(prefix)<unknown>/<auto>"
    }

    private static func quantity(_ value: Value) -> String {
        value.stringValue ?? value.intValue.map(String.init) ?? value.jsonString()
    }

    private static func lowerFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
}
