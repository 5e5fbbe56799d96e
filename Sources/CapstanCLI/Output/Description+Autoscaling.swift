import CapstanModel

extension Description {
    static func horizontalPodAutoscaler(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let hpa = context.object
        let target = hpa.value[path: ["spec", "scaleTargetRef"]]
        let targetKind = target?["kind"]?.stringValue ?? ""
        names(hpa, &w)
        labels(0, "Labels", hpa.labels, &w)
        annotations(0, hpa.annotations, &w)
        creation(hpa, &w)
        w.write(0, "Reference:\t\(targetKind)/\(target?["name"]?.stringValue ?? "")")
        w.write(0, "Metrics:\t( current / target )")
        let statuses = hpa.value[path: ["status", "currentMetrics"]]?.arrayValue ?? []
        for (index, spec) in (hpa.value[path: ["spec", "metrics"]]?.arrayValue ?? []).enumerated() {
            w.write(1, metricLine(spec, statuses[safe: index]))
        }
        w.write(0, "Min replicas:\t\(hpa.value[path: ["spec", "minReplicas"]]?.intValue ?? 1)")
        w.write(0, "Max replicas:\t\(hpa.value[path: ["spec", "maxReplicas"]]?.intValue ?? 0)")
        w.write(
            0,
            "\(targetKind) pods:\t\(hpa.value[path: ["status", "currentReplicas"]]?.intValue ?? 0) current / "
                + "\(hpa.value[path: ["status", "desiredReplicas"]]?.intValue ?? 0) desired")
        conditions(
            hpa.value[path: ["status", "conditions"]]?.arrayValue ?? [],
            columns: ["type", "status", "reason", "message"],
            &w)
    }

    /// `resource cpu on pods  (as a percentage of request):\t90% (450m) / 50%`.
    private static func metricLine(_ spec: Value, _ status: Value?) -> String {
        guard spec["type"]?.stringValue == "Resource", let resource = spec["resource"] else {
            return "\(spec["type"]?.stringValue ?? "unknown") metric:\t\(HPAMetricsText.metric(spec, status))"
        }
        let name = resource["name"]?.stringValue ?? ""
        let current = status?[path: ["resource", "current"]]
        if let utilization = resource[path: ["target", "averageUtilization"]]?.intValue {
            var now = "<unknown>"
            if let percent = current?["averageUtilization"]?.intValue {
                now = "\(percent)%"
                if let value = current?["averageValue"] { now += " (\(ResourceColumns.quantity(value)))" }
            }
            return "resource \(name) on pods  (as a percentage of request):\t\(now) / \(utilization)%"
        }
        let wanted = resource[path: ["target", "averageValue"]].map(ResourceColumns.quantity) ?? "<auto>"
        let now = current?["averageValue"].map(ResourceColumns.quantity) ?? "<unknown>"
        return "resource \(name) on pods:\t\(now) / \(wanted)"
    }
}
