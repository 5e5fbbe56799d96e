import CapstanCluster
import CapstanModel

/// The simulated cluster's etcd: every object by key, with indexes by type, owner and uid, a resource
/// version counter, and a log of changes since the control plane last drained it.
struct ObjectStore: Sendable {
    private(set) var objects: [ResourceKey: Resource] = [:]
    private var byType: [TypeKey: Set<ResourceKey>] = [:]
    private var byOwnerUID: [String: Set<ResourceKey>] = [:]
    private var byUID: [String: ResourceKey] = [:]
    private(set) var resourceVersion: Int = 0
    /// Changes not yet seen by controllers.
    var pendingChanges: [ObjectChange] = []
    /// Keys written since the last flush to the state store.
    var dirty: Set<ResourceKey> = []
    /// Changes not yet published to watchers (Events excluded).
    var watchEvents: [ClusterEvent] = []

    struct TypeKey: Hashable, Sendable {
        var group: String
        var kind: String
    }

    subscript(key: ResourceKey) -> Resource? { objects[key] }

    /// The object with this uid.
    func object(uid: String) -> Resource? { byUID[uid].flatMap { objects[$0] } }

    /// Objects of one type, optionally in one namespace, sorted by namespace then name.
    func list(group: String, kind: String, namespace: String? = nil) -> [Resource] {
        guard let keys = byType[TypeKey(group: group, kind: kind)] else { return [] }
        return keys.lazy
            .filter { namespace == nil || $0.namespace == namespace }
            .sorted()
            .compactMap { objects[$0] }
    }

    /// Keys of one type (unsorted).
    func keys(group: String, kind: String) -> Set<ResourceKey> { byType[TypeKey(group: group, kind: kind)] ?? [] }

    /// The objects that name `uid` in their ownerReferences, sorted by key.
    func dependents(ofUID uid: String) -> [Resource] {
        (byOwnerUID[uid] ?? []).sorted().compactMap { objects[$0] }
    }

    /// The same objects in no particular order, for callers whose result does not depend on order.
    func unorderedDependents(ofUID uid: String) -> [Resource] {
        (byOwnerUID[uid] ?? []).compactMap { objects[$0] }
    }

    /// Every type that has at least one object.
    var types: [TypeKey] { byType.filter { !$0.value.isEmpty }.map(\.key) }

    /// Stores a new object, assigning its resource version.
    mutating func create(_ object: Resource) {
        var object = object
        resourceVersion += 1
        object.resourceVersion = String(resourceVersion)
        insert(object)
        pendingChanges.append(ObjectChange(key: object.key, kind: .added, object: object, previous: nil))
        notify(object, .added)
    }

    /// Replaces an object when its content changed; returns false (and writes nothing) when it did not.
    @discardableResult
    mutating func update(_ object: Resource) -> Bool {
        let key = object.key
        guard let previous = objects[key] else {
            create(object)
            return true
        }
        var candidate = object
        candidate.resourceVersion = previous.resourceVersion
        if candidate == previous { return false }
        resourceVersion += 1
        candidate.resourceVersion = String(resourceVersion)
        if candidate.uid == previous.uid,
            candidate.value[path: ["metadata", "ownerReferences"]]
                == previous.value[path: ["metadata", "ownerReferences"]]
        {
            // Same identity and owners: the indexes stay as they are.
            objects[key] = candidate
            dirty.insert(key)
        } else {
            remove(previous)
            insert(candidate)
        }
        pendingChanges.append(ObjectChange(key: key, kind: .modified, object: candidate, previous: previous))
        notify(candidate, .modified)
        return true
    }

    /// Removes an object; its dependents are left to the garbage collector.
    mutating func delete(_ key: ResourceKey) {
        guard let previous = objects[key] else { return }
        remove(previous)
        resourceVersion += 1
        pendingChanges.append(ObjectChange(key: key, kind: .deleted, object: previous, previous: previous))
        notify(previous, .deleted)
    }

    /// Loads objects read back from the state store, without recording changes.
    mutating func restore(_ object: Resource) {
        insert(object)
        dirty.remove(object.key)
        if let version = Int(object.resourceVersion), version > resourceVersion { resourceVersion = version }
    }

    mutating func setResourceVersionFloor(_ version: Int) {
        resourceVersion = max(resourceVersion, version)
    }

    private mutating func notify(_ object: Resource, _ change: ClusterEvent.Change) {
        guard object.kind != "Event" else { return }
        watchEvents.append(ClusterEvent(key: object.key, change: change, owners: object.ownerKeys))
    }

    private mutating func insert(_ object: Resource) {
        let key = object.key
        objects[key] = object
        byType[TypeKey(group: key.group, kind: key.kind), default: []].insert(key)
        let uid = object.uid
        if !uid.isEmpty { byUID[uid] = key }
        for owner in object.ownerReferences { byOwnerUID[owner.uid, default: []].insert(key) }
        dirty.insert(key)
    }

    private mutating func remove(_ object: Resource) {
        let key = object.key
        objects[key] = nil
        byType[TypeKey(group: key.group, kind: key.kind)]?.remove(key)
        let uid = object.uid
        if !uid.isEmpty, byUID[uid] == key { byUID[uid] = nil }
        for owner in object.ownerReferences {
            byOwnerUID[owner.uid]?.remove(key)
            if byOwnerUID[owner.uid]?.isEmpty == true { byOwnerUID[owner.uid] = nil }
        }
        dirty.insert(key)
    }
}
