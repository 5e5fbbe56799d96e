import CapstanModel

/// Kubernetes' DefaultTolerationSeconds admission plugin: every pod created or updated gets NoExecute
/// tolerations of `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` for 300 s, unless it
/// already tolerates them, so pods leave a failed node five minutes after it was found unreachable.
enum DefaultTolerationSeconds {
    static let seconds = 300

    /// The two default tolerations, built once: pods without tolerations of their own share this value.
    private static let defaults: [Value] = [NodeTaints.notReady, NodeTaints.unreachable].map(toleration)

    private static func toleration(_ key: String) -> Value {
        ["key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": .int(seconds)]
    }

    /// Appends the missing default tolerations to a pod's spec.
    static func admit(_ pod: inout Resource) {
        guard pod.group.isEmpty, pod.kind == "Pod", var spec = pod.spec else { return }
        guard let existing = spec["tolerations"]?.arrayValue, !existing.isEmpty else {
            spec["tolerations"] = .array(defaults)
            pod.spec = spec
            return
        }
        var tolerations = existing
        for (index, key) in [NodeTaints.notReady, NodeTaints.unreachable].enumerated()
        where !tolerations.contains(where: { covers($0, key) }) {
            tolerations.append(defaults[index])
        }
        guard tolerations.count != existing.count else { return }
        spec["tolerations"] = .array(tolerations)
        pod.spec = spec
    }

    /// The plugin's test: same key or no key, and NoExecute or no effect.
    private static func covers(_ toleration: Value, _ key: String) -> Bool {
        let tolerationKey = toleration["key"]?.stringValue ?? ""
        let effect = toleration["effect"]?.stringValue ?? ""
        return (tolerationKey == key || tolerationKey.isEmpty) && (effect == "NoExecute" || effect.isEmpty)
    }
}
