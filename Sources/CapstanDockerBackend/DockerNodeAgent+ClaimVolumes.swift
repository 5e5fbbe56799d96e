import CapstanCluster
import CapstanDocker
import CapstanModel
import Foundation

/// The named volumes of PersistentVolumeClaims (`capstan-NS-CLAIM`): created with Capstan's labels before a
/// container mounts one; when its claim is deleted from the control plane, removed only with
/// `docker.pruneVolumes: true` and once no container uses it, otherwise kept (logged once).
extension DockerNodeAgent {
    /// Creates (or finds) the labelled volumes `spec` mounts.
    func ensureClaimVolumes(of spec: ContainerSpec, pod: Resource) async throws(DockerError) {
        let volumes = pod.value[path: ["spec", "volumes"]]?.arrayValue ?? []
        for claim in volumes.compactMap({ $0[path: ["persistentVolumeClaim", "claimName"]]?.stringValue }) {
            let name = PodVolumeMounts.volumeName(namespace: pod.namespace, claim: claim)
            guard spec.mounts.contains(where: { $0.kind == .volume && $0.source == name }) else { continue }
            _ = try await engine.createVolume(
                name,
                labels: [
                    ContainerLabels.managed: "true", ContainerLabels.namespace: pod.namespace,
                    ContainerLabels.claim: claim,
                ])
        }
    }

    /// Notes a claim deleted from the control plane; the next pass prunes or keeps its volume.
    func claimDeleted(_ key: ResourceKey) { deletedClaims.insert(key) }

    /// Removes (or keeps, per `settings.pruneVolumes`) the volumes of deleted claims on this daemon. A volume in
    /// use is tried again on the next pass; a claim created again keeps its volume.
    func pruneDeletedClaims() async {
        guard !deletedClaims.isEmpty else { return }
        let claims = Array(deletedClaims)
        guard let recreated = try? await cluster.get(claims),
            let volumes = try? await engine.listVolumes(labels: [ContainerLabels.managed: "true"])
        else { return }
        let names = Set(volumes.map(\.name))
        for key in claims {
            let name = PodVolumeMounts.volumeName(namespace: key.namespace, claim: key.name)
            guard recreated[key] == nil, names.contains(name) else {
                deletedClaims.remove(key)
                continue
            }
            guard settings.pruneVolumes else {
                logger.notice(
                    "volume \(name) of the deleted claim \(key.namespace)/\(key.name) is kept (docker.pruneVolumes is false)"
                )
                deletedClaims.remove(key)
                continue
            }
            do {
                try await engine.removeVolume(name)
                logger.notice("removed volume \(name) of the deleted claim \(key.namespace)/\(key.name)")
                deletedClaims.remove(key)
            } catch  where error.isNotFound {
                deletedClaims.remove(key)
            } catch {
                // In use (a container not removed yet) or the daemon failed: the next pass tries again.
                logger.debug("volume \(name) not removed yet: \(error.message)")
            }
        }
    }
}
