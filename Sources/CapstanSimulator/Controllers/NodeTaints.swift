import CapstanModel
import Foundation

/// The taints the node lifecycle controller manages, and the taint manager's eviction rule.
enum NodeTaints {
    static let unreachable = "node.kubernetes.io/unreachable"
    static let notReady = "node.kubernetes.io/not-ready"
    static let unschedulable = "node.kubernetes.io/unschedulable"
    /// Taints this controller adds and removes; any other taint belongs to the configuration or the user.
    static let managed: Set<String> = [unreachable, notReady, unschedulable]

    static func taints(of node: Resource) -> [Value] { node.value[path: ["spec", "taints"]]?.arrayValue ?? [] }

    /// The node's taints as they should be: the unmanaged ones (NoExecute ones stamped with `timeAdded`), then
    /// `unreachable` NoSchedule and NoExecute while the node has failed, and `unschedulable` NoSchedule while it
    /// is cordoned (Kubernetes' TaintNodesByCondition and taint-based eviction).
    static func desired(for node: Resource, failedAt: Date?, now: Date) -> [Value] {
        var taints = taints(of: node).filter { !managed.contains($0["key"]?.stringValue ?? "") }.map { taint in
            var taint = taint
            if taint["effect"]?.stringValue == "NoExecute", taint["timeAdded"] == nil {
                taint["timeAdded"] = .string(SimulatedTime.format(now))
            }
            return taint
        }
        if let failedAt {
            taints.append(["key": .string(unreachable), "effect": "NoSchedule"])
            taints.append([
                "key": .string(unreachable), "effect": "NoExecute",
                "timeAdded": .string(SimulatedTime.format(failedAt)),
            ])
        }
        if node.value[path: ["spec", "unschedulable"]]?.boolValue == true {
            taints.append(["key": .string(unschedulable), "effect": "NoSchedule"])
        }
        return taints
    }

    /// The taint manager's verdict for a pod on a node with these taints: when it is to be evicted, nil when
    /// never. A NoExecute taint the pod does not tolerate evicts at once (from the taint's `timeAdded`); otherwise
    /// the smallest `tolerationSeconds` of the tolerations used counts, and none means the pod stays.
    static func evictionTime(of pod: Resource, taints: [Value], now: Date) -> Date? {
        let noExecute = taints.filter { $0["effect"]?.stringValue == "NoExecute" }
        guard !noExecute.isEmpty else { return nil }
        let tolerations = pod.value[path: ["spec", "tolerations"]]?.arrayValue ?? []
        let added = noExecute.compactMap { $0["timeAdded"]?.stringValue.flatMap(SimulatedTime.parse) }.max() ?? now
        var seconds: Int?
        for taint in noExecute {
            guard let used = tolerations.first(where: { SchedulingFilter.tolerates($0, taint) }) else { return added }
            if let limit = used["tolerationSeconds"]?.intValue {
                seconds = min(seconds ?? limit, max(limit, 0))
            }
        }
        return seconds.map { added.addingTimeInterval(TimeInterval($0)) }
    }

    /// The node spec a restart keeps from the stored node while taking the configured one: the managed taints
    /// (with their `timeAdded`), `timeAdded` of configured NoExecute taints, and the cordon.
    static func preservingState(of existing: Value?, in configured: Value?) -> Value? {
        guard let existing else { return configured }
        var spec = configured ?? [:]
        let stored = existing["taints"]?.arrayValue ?? []
        var taints = (spec["taints"]?.arrayValue ?? []).map { taint in
            var taint = taint
            let same = stored.first {
                $0["key"] == taint["key"] && $0["effect"] == taint["effect"] && $0["value"] == taint["value"]
            }
            if let time = same?["timeAdded"], taint["timeAdded"] == nil { taint["timeAdded"] = time }
            return taint
        }
        taints += stored.filter { managed.contains($0["key"]?.stringValue ?? "") }
        spec["taints"] = taints.isEmpty ? nil : .array(taints)
        if let cordon = existing["unschedulable"] { spec["unschedulable"] = cordon }
        return spec
    }
}
