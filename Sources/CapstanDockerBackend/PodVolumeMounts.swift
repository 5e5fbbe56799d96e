import CapstanDocker
import CapstanModel

/// A container's `volumeMounts` as Docker mounts: `emptyDir` → tmpfs, `persistentVolumeClaim` → the named
/// volume `capstan-NS-CLAIM` (kept across rollouts), `hostPath` → a bind mount, `configMap`/`secret` → a
/// read-only bind mount of the folder the node agent wrote on a host tmpfs (`folders`, by volume name; `subPath`
/// mounts one file or folder of it).
enum PodVolumeMounts {
    static func mounts(pod: Resource, container: Value, subject: String, folders: [String: String] = [:])
        throws(PodContainerSpecError) -> [ContainerMount]
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
            } else if volume["configMap"] != nil || volume["secret"] != nil {
                guard let folder = folders[name] else {
                    throw PodContainerSpecError("\(subject): volume \(name): its files were not written")
                }
                let subPath = mount["subPath"]?.stringValue ?? ""
                if !subPath.isEmpty { try PodConfigVolumes.checkPath(subPath, subject: "\(subject) subPath") }
                mounts.append(.bind(subPath.isEmpty ? folder : "\(folder)/\(subPath)", at: target, readOnly: true))
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
