import CapstanModel
import Foundation

extension ResourceColumns {
    static func nodes(wide: Bool) -> ResourceColumns {
        let extra = wide ? ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"] : []
        return ResourceColumns(headers: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"] + extra) { n, now in
            let row = [
                n.name, nodeStatus(n), nodeRoles(n), Age.of(n, now: now),
                string(n, "status", "nodeInfo", "kubeletVersion") ?? "",
            ]
            guard wide else { return row }
            let info = { (field: String) -> String in
                let text = string(n, "status", "nodeInfo", field) ?? ""
                return text.isEmpty ? "<unknown>" : text
            }
            return row + [
                nodeAddress(n, "InternalIP"), nodeAddress(n, "ExternalIP"), info("osImage"), info("kernelVersion"),
                info("containerRuntimeVersion"),
            ]
        }
    }

    static func events(wide: Bool) -> ResourceColumns {
        let headers =
            wide
            ? [
                "LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT",
                "NAME",
            ]
            : ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
        return ResourceColumns(headers: headers) { e, now in
            let first = Age.timestamp(e.value["firstTimestamp"]) ?? Age.timestamp(e.value["eventTime"])
            let firstSeen = Age.since(first, now: now)
            let last = Age.timestamp(e.value["lastTimestamp"]).map { Age.since($0, now: now) } ?? firstSeen
            let kind = (string(e, "involvedObject", "kind") ?? "").lowercased()
            let name = string(e, "involvedObject", "name") ?? ""
            let object = name.isEmpty ? kind : "\(kind)/\(name)"
            let message = (string(e, "message") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard wide else { return [last, string(e, "type") ?? "", string(e, "reason") ?? "", object, message] }
            return [
                last, string(e, "type") ?? "", string(e, "reason") ?? "", object,
                string(e, "involvedObject", "fieldPath") ?? "", eventSource(e), message, firstSeen,
                String(max(int(e, "count"), 1)), e.name,
            ]
        }
    }

    static func namespaces() -> ResourceColumns {
        ResourceColumns(headers: ["NAME", "STATUS", "AGE"]) { n, now in
            [n.name, string(n, "status", "phase") ?? "", Age.of(n, now: now)]
        }
    }

    static func configMaps() -> ResourceColumns {
        ResourceColumns(headers: ["NAME", "DATA", "AGE"]) { c, now in
            let count = (c.value["data"]?.objectValue?.count ?? 0) + (c.value["binaryData"]?.objectValue?.count ?? 0)
            return [c.name, String(count), Age.of(c, now: now)]
        }
    }

    static func secrets() -> ResourceColumns {
        ResourceColumns(headers: ["NAME", "TYPE", "DATA", "AGE"]) { s, now in
            [
                s.name, string(s, "type") ?? "Opaque", String(s.value["data"]?.objectValue?.count ?? 0),
                Age.of(s, now: now),
            ]
        }
    }

    /// `Ready`, `NotReady` or `Unknown`, with `,SchedulingDisabled` when cordoned.
    static func nodeStatus(_ node: Resource) -> String {
        let ready = node.value[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
        var status = ready.map { $0["status"]?.stringValue == "True" ? "Ready" : "NotReady" } ?? "Unknown"
        if node.value[path: ["spec", "unschedulable"]]?.boolValue == true { status += ",SchedulingDisabled" }
        return status
    }

    /// Roles from `node-role.kubernetes.io/ROLE` labels and the `kubernetes.io/role` label.
    static func nodeRoles(_ node: Resource) -> String {
        var roles: Set<String> = []
        for (key, value) in node.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.insert(value)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
    }

    static func nodeAddress(_ node: Resource, _ type: String) -> String {
        (node.value[path: ["status", "addresses"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == type }?[
            "address"]?.stringValue ?? "<none>"
    }

    /// `component, host` (host omitted when empty).
    static func eventSource(_ event: Resource) -> String {
        let component = string(event, "source", "component") ?? string(event, "reportingController") ?? ""
        let host = string(event, "source", "host") ?? string(event, "reportingInstance") ?? ""
        return host.isEmpty ? component : "\(component), \(host)"
    }
}
