import CapstanDocker
import CapstanModel

/// A container's `volumeMounts` as Docker mounts: `emptyDir` → tmpfs, `persistentVolumeClaim` → the named
/// volume `capstan-NS-CLAIM` (kept across rollouts), `hostPath` → a bind mount. ConfigMap and Secret volumes
/// need the host tmpfs of the node agent and are refused here (docs/docker-backend.md).
enum PodVolumeMounts {
    static func mounts(pod: Resource, container: Value, subject: String) throws(PodContainerSpecError)
        -> [ContainerMount]
    {
        let volumes = pod.value[path: ["spec", "volumes"]]?.arrayValue ?? []
        var mounts: [ContainerMount] = []
        for mount in container["volumeMounts"]?.arrayValue ?? [] {
            guard let name = mount["name"]?.stringValue, let target = mount["mountPath"]?.stringValue else { continue }
            let readOnly = mount["readOnly"]?.boolValue ?? false
            guard let volume = volumes.first(where: { $0["name"]?.stringValue == name }) else {
                throw PodContainerSpecError("\(subject): volumeMounts \(name): no volume of that name in the pod")
            }
            if volume["emptyDir"] != nil {
                mounts.append(.tmpfs(at: target))
            } else if let claim = volume[path: ["persistentVolumeClaim", "claimName"]]?.stringValue {
                mounts.append(
                    .volume(volumeName(namespace: pod.namespace, claim: claim), at: target, readOnly: readOnly))
            } else if let path = volume[path: ["hostPath", "path"]]?.stringValue {
                mounts.append(.bind(path, at: target, readOnly: readOnly))
            } else {
                let kind = volume.objectValue?.keys.filter { $0 != "name" }.sorted().first ?? "unknown"
                throw PodContainerSpecError("\(subject): volume \(name) (\(kind)) is not supported on Docker yet")
            }
        }
        return mounts
    }

    /// The Docker volume of a PersistentVolumeClaim.
    static func volumeName(namespace: String, claim: String) -> String { "capstan-\(namespace)-\(claim)" }
}
