import CapstanModel
import Foundation

/// kubectl's columns per kind (its `printers.go`): NAME READY STATUS RESTARTS AGE for pods, … `wide` adds the
/// priority-1 columns (`-o wide`).
struct ResourceColumns {
    var headers: [String]
    var cells: (Resource, Date) -> [String]

    static func `for`(kind: String, wide: Bool) -> ResourceColumns {
        switch kind {
        case "Pod": return pods(wide: wide)
        case "Deployment": return deployments(wide: wide)
        case "ReplicaSet": return replicaSets(wide: wide)
        case "StatefulSet": return statefulSets(wide: wide)
        case "HorizontalPodAutoscaler": return horizontalPodAutoscalers()
        case "Service": return services(wide: wide)
        case "Endpoints": return endpoints()
        case "PersistentVolumeClaim": return persistentVolumeClaims(wide: wide)
        case "PersistentVolume": return persistentVolumes(wide: wide)
        case "Node": return nodes(wide: wide)
        case "Event": return events(wide: wide)
        case "Namespace": return namespaces()
        case "ConfigMap": return configMaps()
        case "Secret": return secrets()
        default: return ResourceColumns(headers: ["NAME", "AGE"]) { r, now in [r.name, Age.of(r, now: now)] }
        }
    }

    /// Sorts rows as kubectl prints them: events by last timestamp, everything else as listed (by name).
    static func sorted(_ items: [Resource], kind: String) -> [Resource] {
        guard kind == "Event" else { return items }
        return items.enumerated().sorted { lhs, rhs in
            let left = lastSeen(lhs.element)
            let right = lastSeen(rhs.element)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    static func lastSeen(_ event: Resource) -> Date {
        Age.timestamp(event.value["lastTimestamp"]) ?? Age.timestamp(event.value["firstTimestamp"])
            ?? Age.timestamp(event.value[path: ["metadata", "creationTimestamp"]]) ?? .distantPast
    }

    // MARK: Shared cell formats

    static func int(_ r: Resource, _ path: String...) -> Int { r.value[path: path]?.intValue ?? 0 }

    static func string(_ r: Resource, _ path: String...) -> String? { r.value[path: path]?.stringValue }

    /// CONTAINERS and IMAGES of a pod template, comma-separated.
    static func containerCells(_ r: Resource) -> [String] {
        let containers = r.value[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        return [
            containers.map { $0["name"]?.stringValue ?? "" }.joined(separator: ","),
            containers.map { $0["image"]?.stringValue ?? "" }.joined(separator: ","),
        ]
    }

    /// A label selector as kubectl writes it: `app=web,tier in (a,b),!canary`, or `<none>`.
    static func selector(_ selector: Value?) -> String {
        var parts = (selector?["matchLabels"]?.stringMap ?? [:]).map { "\($0.key)=\($0.value)" }
        for expression in selector?["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
            switch expression["operator"]?.stringValue {
            case "In": parts.append("\(key) in (\(values.joined(separator: ",")))")
            case "NotIn": parts.append("\(key) notin (\(values.joined(separator: ",")))")
            case "Exists": parts.append(key)
            case "DoesNotExist": parts.append("!\(key)")
            default: continue
            }
        }
        return parts.isEmpty ? "<none>" : parts.sorted().joined(separator: ",")
    }

    /// A label map as `k=v,k2=v2` sorted by key, or `<none>`.
    static func labels(_ map: [String: String]) -> String {
        map.isEmpty ? "<none>" : map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
