import CapstanModel

/// A StatefulSet's ControllerRevisions (its template history): the current revision, which pods below the
/// partition and not yet updated run, and the update revision made from the spec's template. Each revision is
/// a ControllerRevision named `SET-HASH`, owned by the set, holding the pod template in `data.spec.template`.
struct StatefulSetRevisions {
    static let hashLabel = "controller.kubernetes.io/hash"
    /// The pod label naming the revision a pod was made from.
    static let podRevisionLabel = "controller-revision-hash"

    var current: Resource
    var update: Resource
    /// Every revision the set owns, oldest first.
    var all: [Resource]

    /// Finds or creates the update revision (a template seen before becomes the newest revision again, as a
    /// rollback does) and picks the current one from `status.currentRevision`.
    static func resolve(
        for set: Resource, _ spec: StatefulSetSpec, templateHash hash: String, _ plane: inout ControlPlane
    ) -> StatefulSetRevisions {
        var all = owned(by: set, plane.store)
        let name = "\(set.name)-\(hash)"
        let next = (all.map(\.revisionNumber).max() ?? 0) + 1
        if var existing = all.first(where: { $0.name == name }) {
            if existing.key != all.last?.key {
                existing.value["revision"] = .int(next)
                plane.store.update(existing)
            }
        } else {
            var revision = Resource(
                apiVersion: "apps/v1", kind: "ControllerRevision", namespace: set.namespace, name: name)
            var labels = spec.matchLabels
            labels[hashLabel] = hash
            revision.labels = labels
            revision.ownerReferences = [OwnerReference(controlledBy: set)]
            revision.value["data"] = ["spec": ["template": spec.template]]
            revision.value["revision"] = .int(next)
            plane.createObject(revision)
        }
        all = owned(by: set, plane.store)
        let update = all.first { $0.name == name }!
        let currentName = set.status?["currentRevision"]?.stringValue
        let current = all.first { $0.name == currentName } ?? update
        return StatefulSetRevisions(current: current, update: update, all: all)
    }

    private static func owned(by set: Resource, _ store: ObjectStore) -> [Resource] {
        store.dependents(ofUID: set.uid)
            .filter { $0.kind == "ControllerRevision" && $0.controllerReference?.uid == set.uid }
            .sorted { ($0.revisionNumber, $0.name) < ($1.revisionNumber, $1.name) }
    }

    /// The pod template a revision holds.
    static func template(of revision: Resource) -> Value { revision.value[path: ["data", "spec", "template"]] ?? [:] }

    /// Deletes the oldest revisions no pod uses beyond `revisionHistoryLimit`.
    func truncateHistory(pods: [Resource], limit: Int, _ plane: inout ControlPlane) {
        var live: Set<String> = [current.name, update.name]
        for pod in pods { if let name = pod.labels[Self.podRevisionLabel] { live.insert(name) } }
        let history = all.filter { !live.contains($0.name) }
        for revision in history.prefix(max(history.count - limit, 0)) { plane.store.delete(revision.key) }
    }
}

extension Resource {
    /// A ControllerRevision's `revision`.
    var revisionNumber: Int { value["revision"]?.intValue ?? 0 }
}
