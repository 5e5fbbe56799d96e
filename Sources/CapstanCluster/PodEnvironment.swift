import CapstanModel
import Foundation

/// The environment of one container as the kubelet builds it (kubelet_pods.go `makeEnvironmentVariables`), for
/// backends that start real processes: `envFrom` ConfigMaps and Secrets (with `prefix`), `env` in order with
/// `valueFrom` (`configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef`) and `$(VAR)` expansion, then
/// the Service link variables the container does not define itself.
public enum PodEnvironment {
    /// The variables of `container` (one entry of the pod's `spec.containers`), sorted by name.
    /// `object` looks up ConfigMaps and Secrets of the pod's namespace; `serviceLinks` are the variables of
    /// `ServiceLinkEnvironment`. Invalid names from `envFrom` are skipped and returned in `skipped` (the kubelet
    /// reports them in an `InvalidEnvironmentVariableNames` event).
    public static func build(
        container: Value, pod: Resource, object: (ResourceKey) -> Resource?, serviceLinks: [String: String] = [:]
    ) throws(PodEnvironmentError) -> (variables: [(name: String, value: String)], skipped: [String]) {
        var values: [String: String] = [:]
        var skipped: [String] = []
        for source in container["envFrom"]?.arrayValue ?? [] {
            let prefix = source["prefix"]?.stringValue ?? ""
            for (kind, field) in [("ConfigMap", "configMapRef"), ("Secret", "secretRef")] {
                guard let reference = source[field] else { continue }
                guard let data = try data(of: kind, reference: reference, pod: pod, object: object) else { continue }
                for (key, value) in data {
                    let name = prefix + key
                    if isValidName(name) { values[name] = value } else { skipped.append(name) }
                }
            }
        }
        for variable in container["env"]?.arrayValue ?? [] {
            guard let name = variable["name"]?.stringValue else { continue }
            if let valueFrom = variable["valueFrom"] {
                guard let value = try resolve(valueFrom, variable: name, pod: pod, container: container, object: object)
                else { continue }
                values[name] = value
            } else {
                values[name] = expand(
                    variable["value"]?.stringValue ?? "", with: values.merging(serviceLinks) { a, _ in a })
            }
        }
        for (name, value) in serviceLinks where values[name] == nil { values[name] = value }
        return (values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, skipped.sorted())
    }

    /// Kubernetes' `IsEnvVarName`: letters, digits, `_`, `-` and `.`, not starting with a digit.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-" || scalar == "."
        }
    }

    /// The data of a referenced ConfigMap or Secret (Secret values decoded); nil when it is optional and missing.
    static func data(
        of kind: String, reference: Value, pod: Resource, object: (ResourceKey) -> Resource?
    ) throws(PodEnvironmentError) -> [String: String]? {
        let name = reference["name"]?.stringValue ?? ""
        let key = ResourceKey(group: "", kind: kind, namespace: pod.namespace, name: name)
        guard let found = object(key) else {
            if reference["optional"]?.boolValue == true { return nil }
            throw PodEnvironmentError("\(kind.lowercased()) \"\(name)\" not found")
        }
        var data: [String: String] = [:]
        for (entry, value) in found.value["data"]?.objectValue ?? [:] {
            guard let text = value.stringValue else { continue }
            data[entry] = kind == "Secret" ? decoded(text) : text
        }
        return data
    }

    /// One `valueFrom`; nil when it refers to an optional object or key that does not exist.
    static func resolve(
        _ valueFrom: Value, variable: String, pod: Resource, container: Value, object: (ResourceKey) -> Resource?
    ) throws(PodEnvironmentError) -> String? {
        for (kind, field) in [("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")] {
            guard let reference = valueFrom[field] else { continue }
            guard let data = try data(of: kind, reference: reference, pod: pod, object: object) else { return nil }
            let key = reference["key"]?.stringValue ?? ""
            guard let value = data[key] else {
                if reference["optional"]?.boolValue == true { return nil }
                let name = reference["name"]?.stringValue ?? ""
                throw PodEnvironmentError("couldn't find key \(key) in \(kind) \(pod.namespace)/\(name)")
            }
            return value
        }
        if let path = valueFrom[path: ["fieldRef", "fieldPath"]]?.stringValue {
            guard let value = PodFieldReference.value(of: path, in: pod) else {
                throw PodEnvironmentError("env \(variable): unsupported fieldRef \(path)")
            }
            return value
        }
        if let reference = valueFrom["resourceFieldRef"] {
            return try PodFieldReference.resource(reference, container: container, variable: variable)
        }
        throw PodEnvironmentError("env \(variable): valueFrom has no known source")
    }

    /// Base64 `data` of a Secret as text (invalid UTF-8 replaced, as a process would see the bytes).
    static func decoded(_ base64: String) -> String {
        guard let data = Data(base64Encoded: base64) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `$(NAME)` replaced by the value of a variable defined before; `$$` is a literal `$`; unknown references
    /// stay as written (Kubernetes' `expansion.Expand`).
    public static func expand(_ text: String, with values: [String: String]) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest.index(after: dollar)
            guard after < rest.endIndex else {
                result += "$"
                rest = rest[after...]
                break
            }
            if rest[after] == "$" {
                result += "$"
                rest = rest[rest.index(after: after)...]
            } else if rest[after] == "(", let close = rest[after...].firstIndex(of: ")") {
                let name = String(rest[rest.index(after: after)..<close])
                result += values[name] ?? "$(\(name))"
                rest = rest[rest.index(after: close)...]
            } else {
                result += "$"
                rest = rest[after...]
            }
        }
        return result + rest
    }
}
