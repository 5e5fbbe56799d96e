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

    /// Writes dirty objects and the clock; keeps them dirty if the write fails.
    static func flush(_ plane: inout ControlPlane, to stateStore: StateStore?) throws(StoreError) {
        guard let stateStore else {
            plane.store.dirty.removeAll()
            return
        }
        let dirty = plane.store.dirty
        guard !dirty.isEmpty else { return }
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
        try stateStore.writeObjects(
            cluster: plane.options.name, upserts: upserts, deletions: deletions,
            meta: ["now": SimulatedTime.format(plane.now), "resourceVersion": String(plane.store.resourceVersion)])
        plane.store.dirty.removeAll(keepingCapacity: true)
    }
}
