import CapstanModel

extension Description {
    /// `Volumes:` with the source of each (claims, config maps, secrets, emptyDir).
    static func volumes(_ spec: Value, level: Int, _ w: inout DescribeWriter) {
        let volumes = spec["volumes"]?.arrayValue ?? []
        guard !volumes.isEmpty else {
            w.write(level, "Volumes:\t<none>")
            return
        }
        w.write(level, "Volumes:")
        for volume in volumes {
            w.write(level + 1, "\(volume["name"]?.stringValue ?? ""):")
            if let claim = volume["persistentVolumeClaim"] {
                w.write(
                    level + 2,
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)")
                w.write(level + 2, "ClaimName:\t\(claim["claimName"]?.stringValue ?? "")")
                w.write(level + 2, "ReadOnly:\t\(claim["readOnly"]?.boolValue == true)")
            } else if let map = volume["configMap"] {
                w.write(level + 2, "Type:\tConfigMap (a volume populated by a ConfigMap)")
                w.write(level + 2, "Name:\t\(map["name"]?.stringValue ?? "")")
            } else if let secret = volume["secret"] {
                w.write(level + 2, "Type:\tSecret (a volume populated by a Secret)")
                w.write(level + 2, "SecretName:\t\(secret["secretName"]?.stringValue ?? "")")
            } else if volume["emptyDir"] != nil {
                w.write(level + 2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)")
            } else {
                let kind = volume.objectValue?.keys.filter { $0 != "name" }.sorted().first ?? "unknown"
                w.write(level + 2, "Type:\t\(kind)")
            }
        }
    }

    /// Guaranteed when every container's limits equal its requests for cpu and memory, BestEffort with no
    /// requests or limits at all, else Burstable.
    static func qosClass(_ spec: Value) -> String {
        let containers = spec["containers"]?.arrayValue ?? []
        let resources = containers.map {
            (
                $0[path: ["resources", "requests"]]?.objectValue ?? [:],
                $0[path: ["resources", "limits"]]?.objectValue ?? [:]
            )
        }
        if resources.allSatisfy({ $0.0.isEmpty && $0.1.isEmpty }) { return "BestEffort" }
        let guaranteed = resources.allSatisfy { requests, limits in
            ["cpu", "memory"].allSatisfy { name in
                guard let limit = limits[name].flatMap(Quantity.init) else { return false }
                return (requests[name].flatMap(Quantity.init) ?? limit) == limit
            }
        }
        return guaranteed ? "Guaranteed" : "Burstable"
    }

    /// `key=value:Effect op=Exists for 300s`, as kubectl writes a toleration.
    static func toleration(_ value: Value) -> String {
        let key = value["key"]?.stringValue ?? ""
        let tolerated = value["value"]?.stringValue ?? ""
        let effect = value["effect"]?.stringValue ?? ""
        var text = key
        if !tolerated.isEmpty { text += "=\(tolerated)" }
        if !effect.isEmpty { text += ":\(effect)" }
        if value["operator"]?.stringValue == "Exists" && tolerated.isEmpty {
            text += key.isEmpty && effect.isEmpty ? "op=Exists" : " op=Exists"
        }
        if let seconds = value["tolerationSeconds"]?.intValue { text += " for \(seconds)s" }
        return text
    }

    /// `http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3`.
    static func probeText(_ probe: Value) -> String {
        var action = "unknown"
        if let http = probe["httpGet"] {
            let port = http["port"]?.intValue.map(String.init) ?? http["port"]?.stringValue ?? ""
            let scheme = (http["scheme"]?.stringValue ?? "HTTP").lowercased()
            action =
                "http-get \(scheme)://\(http["host"]?.stringValue ?? ""):\(port)\(http["path"]?.stringValue ?? "/")"
        } else if let tcp = probe["tcpSocket"] {
            action = "tcp-socket :\(tcp["port"]?.intValue.map(String.init) ?? tcp["port"]?.stringValue ?? "")"
        } else if let exec = probe["exec"] {
            action = "exec [\((exec["command"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " "))]"
        } else if let grpc = probe["grpc"] {
            action = "grpc <pod>:\(grpc["port"]?.intValue ?? 0)"
        }
        let number = { (field: String, fallback: Int) -> Int in probe[field]?.intValue ?? fallback }
        return "\(action) delay=\(number("initialDelaySeconds", 0))s timeout=\(number("timeoutSeconds", 1))s "
            + "period=\(number("periodSeconds", 10))s #success=\(number("successThreshold", 1)) "
            + "#failure=\(number("failureThreshold", 3))"
    }

    /// An environment variable's value, or where it comes from.
    static func envValue(_ variable: Value) -> String {
        if let value = variable["value"]?.stringValue { return value }
        if let reference = variable[path: ["valueFrom", "configMapKeyRef"]] {
            return "<set to the key '\(reference["key"]?.stringValue ?? "")' of config map "
                + "'\(reference["name"]?.stringValue ?? "")'>"
        }
        if let reference = variable[path: ["valueFrom", "secretKeyRef"]] {
            return "<set to the key '\(reference["key"]?.stringValue ?? "")' in secret "
                + "'\(reference["name"]?.stringValue ?? "")'>"
        }
        if let field = variable[path: ["valueFrom", "fieldRef", "fieldPath"]]?.stringValue {
            return " (\(variable[path: ["valueFrom", "fieldRef", "apiVersion"]]?.stringValue ?? "v1"):\(field))"
        }
        return ""
    }

    /// `Pod Template:` of a Deployment, ReplicaSet or StatefulSet.
    static func podTemplate(_ template: Value?, _ w: inout DescribeWriter) {
        let metadata = template?["metadata"]
        let spec = template?["spec"] ?? [:]
        w.write(0, "Pod Template:")
        labels(1, "Labels", metadata?["labels"]?.stringMap ?? [:], &w)
        if let annotations = metadata?["annotations"]?.stringMap, !annotations.isEmpty {
            self.annotations(1, annotations, &w)
        }
        if let account = spec["serviceAccountName"]?.stringValue { w.write(1, "Service Account:\t\(account)") }
        w.write(1, "Containers:")
        for container in spec["containers"]?.arrayValue ?? [] {
            containerSection(container, status: nil, template: true, &w)
        }
        volumes(spec, level: 1, &w)
        labels(1, "Node-Selectors", spec["nodeSelector"]?.stringMap ?? [:], &w)
        w.multiline(1, "Tolerations", (spec["tolerations"]?.arrayValue ?? []).map(toleration))
    }
}
