import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation

/// Loading the cluster from the state store and writing back what changed, in one transaction per step.
extension SimulatedCluster {
    static func restore(_ stored: [Resource], into plane: inout ControlPlane) {
        for resource in stored {
            plane.store.restore(resource)
        }
        plane.store.dirty.removeAll()
    }

    /// Writes dirty objects, the clock and changed faults; keeps them dirty if the write fails. `force` writes
    /// the clock even when nothing else changed (at shutdown, so a restart resumes at the same instant).
    static func flush(_ plane: inout ControlPlane, to stateStore: StateStore?, force: Bool = false) throws(StoreError) {
        guard let stateStore else {
            plane.store.dirty.removeAll()
            return
        }
        let faults = plane.faults.value
        let faultsChanged = faults != plane.persistedFaults
        let dirty = plane.store.dirty
        guard !dirty.isEmpty || faultsChanged || force else { return }
        var upserts: [Resource] = []
        var deletions: [ResourceKey] = []
        upserts.reserveCapacity(dirty.count)
        for key in dirty {
            if let object = plane.store[key] {
                upserts.append(object)
            } else {
                deletions.append(key)
            }
        }
        var meta = ["now": SimulatedTime.format(plane.now), "resourceVersion": String(plane.store.resourceVersion)]
        if faultsChanged { meta["faults"] = faults.jsonString() }
        try stateStore.writeObjects(cluster: plane.options.name, upserts: upserts, deletions: deletions, meta: meta)
        plane.store.dirty.removeAll(keepingCapacity: true)
        plane.persistedFaults = faults
    }

    /// The faults stored with the cluster, if any.
    static func storedFaults(_ store: StateStore?, cluster: String) throws(StoreError) -> SimulationFaults? {
        guard let text = try store?.clusterMeta(cluster: cluster, "faults"),
            let value = try? JSONParser.parse(text)
        else { return nil }
        return SimulationFaults(value)
    }
}
