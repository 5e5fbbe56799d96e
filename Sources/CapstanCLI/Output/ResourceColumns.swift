import CapstanModel
import Foundation

/// kubectl's default columns per kind (NAME READY STATUS RESTARTS AGE for pods, …).
struct ResourceColumns {
    var headers: [String]
    var cells: (Resource, Date) -> [String]

    static func `for`(kind: String, wide: Bool) -> ResourceColumns {
        switch kind {
        case "Pod":
            return ResourceColumns(
                headers: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"] + (wide ? ["IP", "NODE"] : [])
            ) { pod, now in
                let statuses = pod.value[path: ["status", "containerStatuses"]]?.arrayValue ?? []
                let ready = statuses.filter { $0["ready"]?.boolValue == true }.count
                let total = max(statuses.count, pod.value[path: ["spec", "containers"]]?.arrayValue?.count ?? 0)
                let restarts = statuses.reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) }
                var row = [pod.name, "\(ready)/\(total)", podStatus(pod), String(restarts), age(pod, now)]
                if wide {
                    row += [
                        pod.value[path: ["status", "podIP"]]?.stringValue ?? "<none>",
                        pod.value[path: ["spec", "nodeName"]]?.stringValue ?? "<none>",
                    ]
                }
                return row
            }
        case "Deployment":
            return ResourceColumns(headers: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]) { d, now in
                let desired = d.value[path: ["spec", "replicas"]]?.intValue ?? 1
                return [
                    d.name, "\(int(d, "status", "readyReplicas"))/\(desired)",
                    String(int(d, "status", "updatedReplicas")),
                    String(int(d, "status", "availableReplicas")), age(d, now),
                ]
            }
        case "ReplicaSet":
            return ResourceColumns(headers: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]) { rs, now in
                [
                    rs.name, String(int(rs, "spec", "replicas")), String(int(rs, "status", "replicas")),
                    String(int(rs, "status", "readyReplicas")), age(rs, now),
                ]
            }
        case "Service":
            return ResourceColumns(headers: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]) { s, now in
                let ports = (s.value[path: ["spec", "ports"]]?.arrayValue ?? []).map { port -> String in
                    let number = port["port"]?.intValue.map(String.init) ?? "?"
                    return "\(number)/\(port["protocol"]?.stringValue ?? "TCP")"
                }
                return [
                    s.name, s.value[path: ["spec", "type"]]?.stringValue ?? "ClusterIP",
                    s.value[path: ["spec", "clusterIP"]]?.stringValue ?? "<none>", "<none>",
                    ports.isEmpty ? "<none>" : ports.joined(separator: ","), age(s, now),
                ]
            }
        case "ConfigMap":
            return ResourceColumns(headers: ["NAME", "DATA", "AGE"]) { c, now in
                [c.name, String(c.value["data"]?.objectValue?.count ?? 0), age(c, now)]
            }
        case "Secret":
            return ResourceColumns(headers: ["NAME", "TYPE", "DATA", "AGE"]) { s, now in
                [
                    s.name, s.value["type"]?.stringValue ?? "Opaque", String(s.value["data"]?.objectValue?.count ?? 0),
                    age(s, now),
                ]
            }
        case "Namespace":
            return ResourceColumns(headers: ["NAME", "STATUS", "AGE"]) { n, now in
                [n.name, n.value[path: ["status", "phase"]]?.stringValue ?? "Active", age(n, now)]
            }
        case "Node":
            return ResourceColumns(headers: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]) { n, now in
                let ready = n.value[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"] == "Ready" }
                let status = ready?["status"]?.stringValue == "True" ? "Ready" : "NotReady"
                return [
                    n.name, status, "<none>", age(n, now),
                    n.value[path: ["status", "nodeInfo", "kubeletVersion"]]?.stringValue ?? "",
                ]
            }
        case "Event":
            return ResourceColumns(headers: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]) { e, now in
                let last = e.value["lastTimestamp"]?.stringValue.flatMap(CapstanJSON.parseTimestamp)
                let object =
                    "\(e.value[path: ["involvedObject", "kind"]]?.stringValue?.lowercased() ?? "")/"
                    + (e.value[path: ["involvedObject", "name"]]?.stringValue ?? "")
                return [
                    Age.since(last, now: now), e.value["type"]?.stringValue ?? "", e.value["reason"]?.stringValue ?? "",
                    object, e.value["message"]?.stringValue ?? "",
                ]
            }
        default:
            return ResourceColumns(headers: ["NAME", "AGE"]) { r, now in [r.name, age(r, now)] }
        }
    }

    /// The pod's STATUS column: a waiting container's reason, else the phase.
    static func podStatus(_ pod: Resource) -> String {
        let statuses = pod.value[path: ["status", "containerStatuses"]]?.arrayValue ?? []
        if let waiting = statuses.compactMap({ $0[path: ["state", "waiting", "reason"]]?.stringValue }).first {
            return waiting
        }
        return pod.value[path: ["status", "phase"]]?.stringValue ?? "Pending"
    }

    private static func int(_ r: Resource, _ path: String...) -> Int { r.value[path: path]?.intValue ?? 0 }

    private static func age(_ r: Resource, _ now: Date) -> String {
        Age.since(
            r.value[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(CapstanJSON.parseTimestamp), now: now)
    }
}
