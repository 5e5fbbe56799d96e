import CapstanCluster
import CapstanDocker
import CapstanModel
import Foundation

/// ConfigMap and Secret volumes: files written into the node's folder on a host tmpfs before the pod's
/// containers are created, refreshed when the objects change, removed with the pod.
extension DockerNodeAgent {
    /// Writes the files of the pod's ConfigMap and Secret volumes; returns their folders by volume name.
    /// Throws (the container's `CreateContainerConfigError`) for a missing object or key, or a daemon elsewhere.
    func configVolumeFolders(of pod: Resource) async throws -> [String: String] {
        let references = PodConfigVolumes.references(of: pod)
        guard !references.isEmpty else { return [:] }
        guard let volumeFiles else {
            throw PodContainerSpecError("ConfigMap/Secret volumes need a Docker daemon on this host")
        }
        let objects = try await cluster.get(references)
        let files = try PodConfigVolumes.files(of: pod, object: { objects[$0] })
        var folders: [String: String] = [:]
        for (volume, files) in files {
            folders[volume] = try volumeFiles.write(files, pod: Self.uid(of: pod), volume: volume)
        }
        configVersions[Self.uid(of: pod)] = Self.versions(references, objects)
        return folders
    }

    /// Rewrites the files of a running pod whose ConfigMaps or Secrets changed since they were written (the
    /// kubelet does so too, eventually). A missing object or key keeps the files as they are.
    func refreshConfigVolumes(of pod: Resource) async {
        let uid = Self.uid(of: pod)
        guard let written = configVersions[uid], let volumeFiles else { return }
        let references = PodConfigVolumes.references(of: pod)
        guard let objects = try? await cluster.get(references) else { return }
        let versions = Self.versions(references, objects)
        guard versions != written, let files = try? PodConfigVolumes.files(of: pod, object: { objects[$0] }) else {
            return
        }
        do {
            for (volume, files) in files { _ = try volumeFiles.write(files, pod: uid, volume: volume) }
            configVersions[uid] = versions
        } catch {
            logger.warning("cannot refresh the volume files of pod \(pod.namespace)/\(pod.name): \(error)")
        }
    }

    /// Removes the volume files of pods that are no longer active on this node (their containers are gone).
    func removeConfigVolumes(keeping uids: Set<String>) {
        for uid in Set(configVersions.keys).subtracting(uids) { configVersions[uid] = nil }
        guard let volumeFiles else { return }
        for uid in volumeFiles.podUIDs() where !uids.contains(uid) { volumeFiles.remove(pod: uid) }
    }

    static func versions(_ keys: [ResourceKey], _ objects: [ResourceKey: Resource]) -> [String] {
        keys.map { "\($0.id)@\(objects[$0]?.resourceVersion ?? "-")" }
    }

    /// True for a daemon on this host: a unix socket, or tcp to a loopback address.
    static func isOnThisHost(_ endpoint: DockerEndpoint) -> Bool {
        guard endpoint.unixSocketPath == nil else { return true }
        let host = URL(string: endpoint.baseURL)?.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host?.hasPrefix("127.") == true
    }
}
