import CapstanModel

/// The containers of a pod's spec.
enum PodContainers {
    static func of(_ pod: Resource) -> [Value] { pod.value[path: ["spec", "containers"]]?.arrayValue ?? [] }
}
