import CapstanCluster
import CapstanDocker
import CapstanModel

/// The Docker container for one container of a pod, as docs/docker-backend.md maps it: name `NS-POD` (plus
/// `-CONTAINER` when the pod has several), Capstan's labels, image, `command`/`args` as entrypoint/cmd with
/// `$(VAR)` expanded, the environment with `PORT`, memory and CPU limits, volumes and the grace period.
public enum PodContainerSpec {
    /// Where the pod runs and what the agent adds: its node, its port, the app and git revision it came from,
    /// and the host folders of its ConfigMap and Secret volumes (by volume name).
    public struct Placement: Sendable, Hashable {
        public var node: String
        public var port: Int
        public var app: String?
        public var revision: String?
        public var volumeFolders: [String: String]

        public init(
            node: String, port: Int, app: String? = nil, revision: String? = nil, volumeFolders: [String: String] = [:]
        ) {
            self.node = node
            self.port = port
            self.app = app
            self.revision = revision
            self.volumeFolders = volumeFolders
        }
    }

    /// `default-web-7d9f8c6b5-x2k4p`, or `default-web-7d9f8c6b5-x2k4p-sidecar` for a pod of several containers.
    public static func containerName(pod: Resource, container: String) -> String {
        let base = "\(pod.namespace)-\(pod.name)"
        return PodContainers.of(pod).count > 1 ? "\(base)-\(container)" : base
    }

    /// The container spec of `container` (an entry of the pod's `spec.containers`) with the variables
    /// `environment` (see `PodEnvironment`); `PORT` is added unless the container sets it.
    public static func make(
        pod: Resource, container: Value, placement: Placement, environment: [(name: String, value: String)]
    ) throws(PodContainerSpecError) -> ContainerSpec {
        let name = container["name"]?.stringValue ?? "main"
        let subject = "pod \(pod.namespace)/\(pod.name) container \(name)"
        guard let image = container["image"]?.stringValue, !image.isEmpty else {
            throw PodContainerSpecError("\(subject): image is required")
        }
        // Running the app containers without their init containers would skip what they wait on (migrations,
        // fetched config): the pod waits instead, saying why.
        if let inits = pod.spec?["initContainers"]?.arrayValue, !inits.isEmpty {
            throw PodContainerSpecError(
                "pod \(pod.namespace)/\(pod.name): initContainers are not supported on Docker yet "
                    + "(\(inits.count) in the pod); the pod does not start")
        }
        var env = Dictionary(environment.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        if env["PORT"] == nil { env["PORT"] = String(placement.port) }
        let expand = { (items: [Value]?) -> [String]? in
            items.map { $0.compactMap(\.stringValue).map { PodEnvironment.expand($0, with: env) } }
        }
        var spec = ContainerSpec(
            image: image, entrypoint: expand(container["command"]?.arrayValue),
            cmd: expand(container["args"]?.arrayValue), env: env,
            labels: labels(pod: pod, container: name, placement: placement),
            workingDir: container["workingDir"]?.stringValue)
        (spec.memoryBytes, spec.nanoCPUs) = limits(of: container)
        spec.mounts = try PodVolumeMounts.mounts(
            pod: pod, container: container, subject: subject, folders: placement.volumeFolders)
        spec.stopTimeoutSeconds = gracePeriod(of: pod)
        return spec
    }

    /// The container's memory limit in bytes and CPU limit in billionths of a CPU, nil where it sets none.
    static func limits(of container: Value) -> (memoryBytes: Int?, nanoCPUs: Int?) {
        let memory = container[path: ["resources", "limits", "memory"]].flatMap(Quantity.init)
        let cpu = container[path: ["resources", "limits", "cpu"]].flatMap(Quantity.init)
        return (memory.map { Int($0.milliValue / 1000) }, cpu.map { Int($0.milliValue) * 1_000_000 })
    }

    /// Capstan's labels for a container of `pod`.
    static func labels(pod: Resource, container: String, placement: Placement) -> [String: String] {
        var labels = [
            ContainerLabels.managed: "true", ContainerLabels.node: placement.node,
            ContainerLabels.namespace: pod.namespace, ContainerLabels.pod: pod.name,
            ContainerLabels.podUID: pod.value[path: ["metadata", "uid"]]?.stringValue ?? "",
            ContainerLabels.container: container, ContainerLabels.port: String(placement.port),
        ]
        let workload = PodWorkload.of(pod)
        labels[ContainerLabels.kind] = workload.kind
        labels[ContainerLabels.name] = workload.name
        if let hash = workload.templateHash { labels[ContainerLabels.templateHash] = hash }
        if let app = placement.app { labels[ContainerLabels.app] = app }
        if let revision = placement.revision { labels[ContainerLabels.revision] = revision }
        labels[ContainerLabels.gracePeriod] = String(gracePeriod(of: pod))
        return labels
    }

    /// `terminationGracePeriodSeconds`, 30 when the pod does not say.
    static func gracePeriod(of pod: Resource) -> Int {
        max(0, pod.spec?["terminationGracePeriodSeconds"]?.intValue ?? 30)
    }
}
