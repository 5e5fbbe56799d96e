import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation

/// Loading the cluster from the state store and writing back what changed, in one transaction per step.
extension SimulatedCluster {
    static func restore(_ stored: [StoredObject], into plane: inout ControlPlane, cluster: String) throws(StoreError) {
        var events: [Resource] = []
        for object in stored {
            let value: Value
            do {
                value = try JSONParser.parse(object.body)
            } catch {
                throw StoreError("load object \(object.key) of cluster \(cluster)", path: nil,
                                 message: "stored object is not valid JSON (\(error))")
            }
            let resource = Resource(value)
            plane.store.restore(resource)
            if resource.kind == "Event" { events.append(resource) }
        }
        plane.events.adopt(events)
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
        var upserts: [StoredObject] = []
        var deletions: [ResourceKey] = []
        upserts.reserveCapacity(dirty.count)
        for key in dirty {
            if let object = plane.store[key] {
                upserts.append(StoredObject(key: key, body: object.value.jsonBytes()))
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
