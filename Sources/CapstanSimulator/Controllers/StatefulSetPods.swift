import CapstanModel

/// The stable identity of a StatefulSet's pods: `SET-ORDINAL` names, the pod-name and pod-index labels,
/// hostname and subdomain from `serviceName`, and one claim per template named `TEMPLATE-SET-ORDINAL`.
enum StatefulSetPods {
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"

    static func podName(_ set: Resource, _ ordinal: Int) -> String { "\(set.name)-\(ordinal)" }

    /// The ordinal in a pod's name (`web-2` → 2), nil when the name is not `SET-NUMBER`.
    static func ordinal(of pod: Resource, in set: Resource) -> Int? {
        let prefix = set.name + "-"
        guard pod.name.hasPrefix(prefix), let number = Int(pod.name.dropFirst(prefix.count)), number >= 0 else {
            return nil
        }
        return podName(set, number) == pod.name ? number : nil
    }

    static func claimName(_ template: Value, _ set: Resource, _ ordinal: Int) -> String {
        "\(template[path: ["metadata", "name"]]?.stringValue ?? "")-\(set.name)-\(ordinal)"
    }

    /// A new pod for `ordinal` from `template` (a revision's), labelled with the revision's name.
    static func newPod(
        _ set: Resource, _ spec: StatefulSetSpec, template: Value, revision: String, ordinal: Int
    ) -> Resource {
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: set.namespace, name: podName(set, ordinal))
        if let annotations = template[path: ["metadata", "annotations"]] {
            pod.value[path: ["metadata", "annotations"]] = annotations
        }
        pod.labels = identityLabels(template[path: ["metadata", "labels"]]?.stringMap ?? [:], set, ordinal)
        pod.labels[StatefulSetRevisions.podRevisionLabel] = revision
        pod.ownerReferences = [OwnerReference(controlledBy: set)]
        var podSpec = template["spec"] ?? [:]
        podSpec["hostname"] = .string(pod.name)
        if !spec.serviceName.isEmpty { podSpec["subdomain"] = .string(spec.serviceName) }
        var volumes = (podSpec["volumes"]?.arrayValue ?? []).filter { volume in
            !spec.claimTemplates.contains { $0[path: ["metadata", "name"]] == volume["name"] }
        }
        for claimTemplate in spec.claimTemplates {
            let name = claimTemplate[path: ["metadata", "name"]] ?? ""
            volumes.append([
                "name": name, "persistentVolumeClaim": ["claimName": .string(claimName(claimTemplate, set, ordinal))],
            ])
        }
        if !volumes.isEmpty { podSpec["volumes"] = .array(volumes) }
        pod.spec = podSpec
        pod.status = ["phase": "Pending"]
        return pod
    }

    /// `labels` with the pod-name and pod-index labels of `ordinal`.
    static func identityLabels(_ labels: [String: String], _ set: Resource, _ ordinal: Int) -> [String: String] {
        var labels = labels
        labels[podNameLabel] = podName(set, ordinal)
        labels[podIndexLabel] = String(ordinal)
        return labels
    }

    /// The claims of `ordinal`, from the templates: the template's metadata with the set's selector labels.
    static func claims(_ set: Resource, _ spec: StatefulSetSpec, ordinal: Int) -> [Resource] {
        spec.claimTemplates.map { template in
            var claim = Resource(
                apiVersion: "v1", kind: "PersistentVolumeClaim", namespace: set.namespace,
                name: claimName(template, set, ordinal))
            if let annotations = template[path: ["metadata", "annotations"]] {
                claim.value[path: ["metadata", "annotations"]] = annotations
            }
            claim.labels = (template[path: ["metadata", "labels"]]?.stringMap ?? [:]).merging(spec.matchLabels) { $1 }
            if spec.deleteClaimsWithSet { claim.ownerReferences = [retentionOwner(set)] }
            claim.spec = template["spec"] ?? [:]
            claim.status = ["phase": "Pending"]
            return claim
        }
    }

    /// The owner reference that lets the garbage collector delete a claim with its set or pod (a plain
    /// owner, not a controller, as the retention policy sets it).
    static func retentionOwner(_ owner: Resource) -> OwnerReference {
        OwnerReference(
            apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: false)
    }
}
