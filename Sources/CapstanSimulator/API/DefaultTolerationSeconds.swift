import CapstanModel

/// Kubernetes' DefaultTolerationSeconds admission plugin: every pod created or updated gets NoExecute
/// tolerations of `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` for 300 s, unless it
/// already tolerates them, so pods leave a failed node five minutes after it was found unreachable. The Docker
/// backend sets its own time (`SimulatedClusterOptions.defaultTolerationSeconds`).
enum DefaultTolerationSeconds {
    static let seconds = 300

    /// The two default tolerations of 300 s, built once: pods without tolerations of their own share this value.
    private static let standard: [Value] = tolerations(seconds)

    private static func tolerations(_ seconds: Int) -> [Value] {
        [NodeTaints.notReady, NodeTaints.unreachable].map {
            ["key": .string($0), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": .int(seconds)]
        }
    }

    /// Appends the missing default tolerations (of `seconds`) to a pod's spec.
    static func admit(_ pod: inout Resource, seconds: Int = seconds) {
        let defaults = seconds == Self.seconds ? standard : tolerations(seconds)
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
