import CapstanModel
import Foundation

/// The pods on a node and the cpu and memory their containers request and limit, against the node's
/// allocatable resources, as `kubectl describe node` lists them.
struct NodeAllocation {
    let node: Resource
    /// The node's pods that are not terminated (Succeeded or Failed).
    let pods: [Resource]

    init(node: Resource, pods: [Resource]) {
        self.node = node
        self.pods = pods.filter {
            $0.value[path: ["spec", "nodeName"]]?.stringValue == node.name
                && !["Succeeded", "Failed"].contains($0.value[path: ["status", "phase"]]?.stringValue ?? "")
        }
    }

    func write(now: Date, _ w: inout DescribeWriter) {
        w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)")
        w.write(1, "Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge")
        w.write(1, "---------\t----\t------------\t----------\t---------------\t-------------\t---")
        for pod in pods {
            let cells = [("cpu", "requests"), ("cpu", "limits"), ("memory", "requests"), ("memory", "limits")].map {
                share(total([pod], $0.0, $0.1), $0.0)
            }
            w.write(1, ([pod.namespace, pod.name] + cells + [Age.of(pod, now: now)]).joined(separator: "\t"))
        }
        w.write(0, "Allocated resources:")
        w.write(1, "(Total limits may be over 100 percent, i.e., overcommitted.)")
        w.write(1, "Resource\tRequests\tLimits")
        w.write(1, "--------\t--------\t------")
        for resource in ["cpu", "memory"] {
            let requests = share(total(pods, resource, "requests"), resource)
            w.write(1, "\(resource)\t\(requests)\t\(share(total(pods, resource, "limits"), resource))")
        }
    }

    /// The sum over the pods' containers of `resources.<kind>.<resource>`.
    private func total(_ pods: [Resource], _ resource: String, _ kind: String) -> Quantity {
        pods.flatMap { $0.value[path: ["spec", "containers"]]?.arrayValue ?? [] }.reduce(Quantity.zero) {
            sum, container in
            sum + (container[path: ["resources", kind, resource]].flatMap(Quantity.init) ?? .zero)
        }
    }

    /// `750m (18%)`: the quantity and its share of the node's allocatable amount.
    private func share(_ quantity: Quantity, _ resource: String) -> String {
        let allocatable = node.value[path: ["status", "allocatable", resource]].flatMap(Quantity.init) ?? .zero
        let percent =
            allocatable.milliValue > 0 ? Int(Double(quantity.milliValue) / Double(allocatable.milliValue) * 100) : 0
        return "\(quantity) (\(percent)%)"
    }
}
