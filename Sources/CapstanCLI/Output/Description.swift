import CapstanModel
import Foundation

/// kubectl-describe text per kind, from a `DescribeContext`; kinds without their own layout get the generic
/// one (metadata, spec and status as YAML). Secret values are never printed: keys and sizes only.
enum Description {
    static func render(_ context: DescribeContext) -> String {
        var writer = DescribeWriter()
        let object = context.object
        switch (object.group, object.kind) {
        case ("", "Pod"): pod(context, &writer)
        case ("apps", "Deployment"): deployment(context, &writer)
        case ("apps", "ReplicaSet"): replicaSet(context, &writer)
        case ("apps", "StatefulSet"): statefulSet(context, &writer)
        case ("", "Service"): service(context, &writer)
        case ("", "Node"): node(context, &writer)
        case ("", "PersistentVolumeClaim"): persistentVolumeClaim(context, &writer)
        case ("", "PersistentVolume"): persistentVolume(context, &writer)
        case ("autoscaling", "HorizontalPodAutoscaler"): horizontalPodAutoscaler(context, &writer)
        case ("", "ConfigMap"): configMap(context, &writer)
        case ("", "Secret"):
            secret(context, &writer)
            return writer.text()
        default: generic(context, &writer)
        }
        events(context, &writer)
        return writer.text()
    }

    // MARK: Shared sections

    /// `Name:`, `Namespace:` (namespaced objects only).
    static func names(_ object: Resource, _ w: inout DescribeWriter) {
        w.write(0, "Name:\t\(object.name)")
        if !object.namespace.isEmpty { w.write(0, "Namespace:\t\(object.namespace)") }
    }

    static func labels(_ level: Int, _ title: String, _ map: [String: String], _ w: inout DescribeWriter) {
        w.multiline(level, title, map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    }

    /// Annotations as `key: value`, values over 140 characters shortened as kubectl does.
    static func annotations(
        _ level: Int, _ map: [String: String], _ w: inout DescribeWriter, hiding hidden: Set<String> = []
    ) {
        let entries = map.filter { !hidden.contains($0.key) }.sorted { $0.key < $1.key }.map { key, value in
            let flat = value.replacingOccurrences(of: "\n", with: " ")
            return "\(key): \(flat.count > 140 ? String(flat.prefix(140)) + "..." : flat)"
        }
        w.multiline(level, "Annotations", entries)
    }

    static func creation(_ object: Resource, _ w: inout DescribeWriter) {
        w.write(0, "CreationTimestamp:\t\(time(object.value[path: ["metadata", "creationTimestamp"]]))")
    }

    /// `Controlled By:  ReplicaSet/web-7d9c6` when the object has a controller owner.
    static func controlledBy(_ object: Resource, _ w: inout DescribeWriter) {
        let references = object.value[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        guard let owner = references.first(where: { $0["controller"]?.boolValue == true }) ?? references.first
        else { return }
        w.write(0, "Controlled By:\t\(owner["kind"]?.stringValue ?? "")/\(owner["name"]?.stringValue ?? "")")
    }

    /// A conditions table with the given columns (`Type`, `Status`, `Reason`, `Message`, time fields), with a
    /// `----` rule under the header except for pods (as kubectl prints them).
    static func conditions(_ conditions: [Value], columns: [String], rule: Bool = true, _ w: inout DescribeWriter) {
        guard !conditions.isEmpty else { return }
        w.write(0, "Conditions:")
        w.write(1, columns.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "\t"))
        if rule { w.write(1, columns.map { String(repeating: "-", count: $0.count) }.joined(separator: "\t")) }
        for condition in conditions {
            let cells = columns.map { column -> String in
                if column.hasSuffix("Time") { return time(condition[column]) }
                return condition[column]?.stringValue ?? ""
            }
            w.write(1, cells.joined(separator: "\t"))
        }
    }

    /// `Events:` as kubectl prints them: TYPE REASON AGE FROM MESSAGE, oldest first, repeats as `(xN over …)`.
    static func events(_ context: DescribeContext, _ w: inout DescribeWriter) {
        guard !context.events.isEmpty else {
            w.write(0, "Events:\t<none>")
            return
        }
        w.flush()
        w.write(0, "Events:")
        w.write(1, "Type\tReason\tAge\tFrom\tMessage")
        w.write(1, "----\t------\t----\t----\t-------")
        for event in ResourceColumns.sorted(context.events, kind: "Event") {
            let text = { (field: String) in event.value[field]?.stringValue ?? "" }
            let first = Age.since(Age.timestamp(event.value["firstTimestamp"]), now: context.now)
            let last = Age.since(Age.timestamp(event.value["lastTimestamp"]), now: context.now)
            let count = event.value["count"]?.intValue ?? 1
            let age = count > 1 ? "\(last) (x\(count) over \(first))" : first
            let from = event.value[path: ["source", "component"]]?.stringValue ?? text("reportingController")
            let message = text("message").trimmingCharacters(in: .whitespacesAndNewlines)
            w.write(1, [text("type"), text("reason"), age, from, message].joined(separator: "\t"))
        }
    }

    /// kubectl's describe time format (RFC 1123 with a numeric zone), in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`.
    static func time(_ value: Value?) -> String {
        guard let date = Age.timestamp(value) else { return "<unset>" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int?) -> String { (number ?? 0) < 10 ? "0\(number ?? 0)" : "\(number ?? 0)" }
        return
            "\(weekdays[((parts.weekday ?? 1) - 1) % 7]), \(two(parts.day)) \(months[((parts.month ?? 1) - 1) % 12]) "
            + "\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
