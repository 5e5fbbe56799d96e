import CapstanModel
import Foundation

extension ResourceColumns {
    static func pods(wide: Bool) -> ResourceColumns {
        let extra = wide ? ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"] : []
        return ResourceColumns(headers: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"] + extra) { pod, now in
            let text = PodStatusText(pod, now: now)
            var row = [pod.name, text.ready, text.status, text.restarts, Age.of(pod, now: now)]
            if wide {
                let ip =
                    pod.value[path: ["status", "podIPs"]]?.arrayValue?.first?["ip"]?.stringValue
                    ?? string(pod, "status", "podIP")
                let gates = pod.value[path: ["spec", "readinessGates"]]?.arrayValue ?? []
                let trueGates = gates.filter { gate in
                    (pod.value[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                        $0["type"] == gate["conditionType"] && $0["status"]?.stringValue == "True"
                    }
                }.count
                row += [
                    nonEmpty(ip), nonEmpty(string(pod, "spec", "nodeName")),
                    nonEmpty(string(pod, "status", "nominatedNodeName")),
                    gates.isEmpty ? "<none>" : "\(trueGates)/\(gates.count)",
                ]
            }
            return row
        }
    }

    static func deployments(wide: Bool) -> ResourceColumns {
        let extra = wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []
        return ResourceColumns(headers: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"] + extra) { d, now in
            var row = [
                d.name, "\(int(d, "status", "readyReplicas"))/\(int(d, "spec", "replicas"))",
                String(int(d, "status", "updatedReplicas")), String(int(d, "status", "availableReplicas")),
                Age.of(d, now: now),
            ]
            if wide { row += containerCells(d) + [selector(d.value[path: ["spec", "selector"]])] }
            return row
        }
    }

    static func replicaSets(wide: Bool) -> ResourceColumns {
        let extra = wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []
        return ResourceColumns(headers: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"] + extra) { rs, now in
            var row = [
                rs.name, String(int(rs, "spec", "replicas")), String(int(rs, "status", "replicas")),
                String(int(rs, "status", "readyReplicas")), Age.of(rs, now: now),
            ]
            if wide { row += containerCells(rs) + [selector(rs.value[path: ["spec", "selector"]])] }
            return row
        }
    }

    static func statefulSets(wide: Bool) -> ResourceColumns {
        let extra = wide ? ["CONTAINERS", "IMAGES"] : []
        return ResourceColumns(headers: ["NAME", "READY", "AGE"] + extra) { s, now in
            let row = [
                s.name, "\(int(s, "status", "readyReplicas"))/\(int(s, "spec", "replicas"))", Age.of(s, now: now),
            ]
            return wide ? row + containerCells(s) : row
        }
    }

    static func horizontalPodAutoscalers() -> ResourceColumns {
        ResourceColumns(headers: ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"]) { h, now in
            let reference =
                "\(string(h, "spec", "scaleTargetRef", "kind") ?? "")/"
                + (string(h, "spec", "scaleTargetRef", "name") ?? "")
            let minPods = h.value[path: ["spec", "minReplicas"]]?.intValue.map(String.init) ?? "<unset>"
            return [
                h.name, reference, HPAMetricsText.targets(h), minPods, String(int(h, "spec", "maxReplicas")),
                String(int(h, "status", "currentReplicas")), Age.of(h, now: now),
            ]
        }
    }

    static func nonEmpty(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "<none>" }
        return text
    }
}
