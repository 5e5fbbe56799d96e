import CapstanModel

extension Description {
    static func service(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let s = context.object
        let spec = s.spec ?? [:]
        names(s, &w)
        labels(0, "Labels", s.labels, &w)
        annotations(0, s.annotations, &w)
        w.write(0, "Selector:\t\(ResourceColumns.labels(spec["selector"]?.stringMap ?? [:]))")
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        w.write(0, "Type:\t\(type)")
        if let policy = spec["ipFamilyPolicy"]?.stringValue { w.write(0, "IP Family Policy:\t\(policy)") }
        if let families = spec["ipFamilies"]?.arrayValue {
            w.write(0, "IP Families:\t\(families.compactMap(\.stringValue).joined(separator: ","))")
        }
        let clusterIP = spec["clusterIP"]?.stringValue ?? ""
        w.write(0, "IP:\t\(clusterIP.isEmpty ? "<none>" : clusterIP)")
        let clusterIPs = (spec["clusterIPs"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !clusterIPs.isEmpty || !clusterIP.isEmpty {
            w.write(0, "IPs:\t\((clusterIPs.isEmpty ? [clusterIP] : clusterIPs).joined(separator: ","))")
        }
        if type == "ExternalName" { w.write(0, "External Name:\t\(spec["externalName"]?.stringValue ?? "")") }
        if type == "LoadBalancer" {
            let ingress = (s.value[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []).compactMap {
                $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue
            }
            w.write(0, "LoadBalancer Ingress:\t\(ingress.isEmpty ? "<pending>" : ingress.joined(separator: ", "))")
        }
        for port in spec["ports"]?.arrayValue ?? [] {
            let name = port["name"]?.stringValue ?? ""
            let proto = port["protocol"]?.stringValue ?? "TCP"
            let number = port["port"]?.intValue ?? 0
            w.write(0, "Port:\t\(name.isEmpty ? "<unset>" : name)\t\(number)/\(proto)")
            let target =
                port["targetPort"].map { $0.intValue.map(String.init) ?? $0.stringValue ?? "" } ?? String(number)
            w.write(0, "TargetPort:\t\(target)/\(proto)")
            if let nodePort = port["nodePort"]?.intValue {
                w.write(0, "NodePort:\t\(name.isEmpty ? "<unset>" : name)\t\(nodePort)/\(proto)")
            }
            let endpoints = context.endpoints.map { ResourceColumns.endpointList($0, portName: name) } ?? "<none>"
            w.write(0, "Endpoints:\t\(endpoints)")
        }
        w.write(0, "Session Affinity:\t\(spec["sessionAffinity"]?.stringValue ?? "None")")
    }

    static func node(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let node = context.object
        w.write(0, "Name:\t\(node.name)")
        w.write(0, "Roles:\t\(ResourceColumns.nodeRoles(node))")
        labels(0, "Labels", node.labels, &w)
        annotations(0, node.annotations, &w)
        creation(node, &w)
        w.multiline(0, "Taints", (node.value[path: ["spec", "taints"]]?.arrayValue ?? []).map(toleration))
        w.write(0, "Unschedulable:\t\(node.value[path: ["spec", "unschedulable"]]?.boolValue == true)")
        conditions(
            node.value[path: ["status", "conditions"]]?.arrayValue ?? [],
            columns: ["type", "status", "lastHeartbeatTime", "lastTransitionTime", "reason", "message"], &w)
        w.write(0, "Addresses:")
        for address in node.value[path: ["status", "addresses"]]?.arrayValue ?? [] {
            w.write(1, "\(address["type"]?.stringValue ?? ""):\t\(address["address"]?.stringValue ?? "")")
        }
        for (title, field) in [("Capacity", "capacity"), ("Allocatable", "allocatable")] {
            w.write(0, "\(title):")
            for (name, value) in (node.value[path: ["status", field]]?.objectValue ?? [:]).sorted(by: {
                $0.key < $1.key
            }) {
                w.write(1, "\(name):\t\(ResourceColumns.quantity(value))")
            }
        }
        if let info = node.value[path: ["status", "nodeInfo"]]?.objectValue {
            w.write(0, "System Info:")
            for (name, value) in info.sorted(by: { $0.key < $1.key }) {
                let title =
                    name.prefix(1).uppercased()
                    + name.dropFirst().reduce(into: "") { text, character in
                        text += character.isUppercase ? " \(character)" : String(character)
                    }
                w.write(1, "\(title):\t\(value.stringValue ?? value.jsonString())")
            }
        }
        NodeAllocation(node: node, pods: context.pods).write(now: context.now, &w)
    }
}
