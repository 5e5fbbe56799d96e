import CapstanModel

extension Description {
    static func deployment(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let d = context.object
        let number = { (path: [String]) in d.value[path: path]?.intValue ?? 0 }
        names(d, &w)
        creation(d, &w)
        labels(0, "Labels", d.labels, &w)
        annotations(0, d.annotations, &w)
        w.write(0, "Selector:\t\(ResourceColumns.selector(d.value[path: ["spec", "selector"]]))")
        w.write(
            0,
            "Replicas:\t\(number(["spec", "replicas"])) desired | \(number(["status", "updatedReplicas"])) updated | "
                + "\(number(["status", "replicas"])) total | \(number(["status", "availableReplicas"])) available | "
                + "\(number(["status", "unavailableReplicas"])) unavailable")
        let strategy = d.value[path: ["spec", "strategy", "type"]]?.stringValue ?? "RollingUpdate"
        w.write(0, "StrategyType:\t\(strategy)")
        w.write(0, "MinReadySeconds:\t\(number(["spec", "minReadySeconds"]))")
        if strategy == "RollingUpdate" {
            let rolling = d.value[path: ["spec", "strategy", "rollingUpdate"]]
            let text = { (field: String) -> String in
                rolling?[field].map { $0.stringValue ?? $0.intValue.map(String.init) ?? "" } ?? "25%"
            }
            w.write(
                0, "RollingUpdateStrategy:\t\(text("maxUnavailable")) max unavailable, \(text("maxSurge")) max surge")
        }
        podTemplate(d.value[path: ["spec", "template"]], &w)
        conditions(
            d.value[path: ["status", "conditions"]]?.arrayValue ?? [], columns: ["type", "status", "reason"], &w)
        let owned = context.owned(context.replicaSets)
        let newest = newReplicaSet(of: d, among: owned)
        let old = owned.filter { $0.name != newest?.name && ($0.value[path: ["spec", "replicas"]]?.intValue ?? 0) > 0 }
        w.write(0, "OldReplicaSets:\t\(replicaSetList(old))")
        w.write(0, "NewReplicaSet:\t\(replicaSetList(newest.map { [$0] } ?? []))")
    }

    static func replicaSet(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let rs = context.object
        names(rs, &w)
        w.write(0, "Selector:\t\(ResourceColumns.selector(rs.value[path: ["spec", "selector"]]))")
        labels(0, "Labels", rs.labels, &w)
        annotations(0, rs.annotations, &w)
        controlledBy(rs, &w)
        w.write(
            0,
            "Replicas:\t\(rs.value[path: ["status", "replicas"]]?.intValue ?? 0) current / "
                + "\(rs.value[path: ["spec", "replicas"]]?.intValue ?? 0) desired")
        w.write(0, "Pods Status:\t\(podsStatus(context.owned(context.pods)))")
        podTemplate(rs.value[path: ["spec", "template"]], &w)
        conditions(
            rs.value[path: ["status", "conditions"]]?.arrayValue ?? [], columns: ["type", "status", "reason"], &w)
    }

    static func statefulSet(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let s = context.object
        names(s, &w)
        creation(s, &w)
        w.write(0, "Selector:\t\(ResourceColumns.selector(s.value[path: ["spec", "selector"]]))")
        labels(0, "Labels", s.labels, &w)
        annotations(0, s.annotations, &w)
        w.write(
            0,
            "Replicas:\t\(s.value[path: ["spec", "replicas"]]?.intValue ?? 1) desired | "
                + "\(s.value[path: ["status", "replicas"]]?.intValue ?? 0) total")
        let strategy = s.value[path: ["spec", "updateStrategy", "type"]]?.stringValue ?? "RollingUpdate"
        w.write(0, "Update Strategy:\t\(strategy)")
        if strategy == "RollingUpdate" {
            let partition = s.value[path: ["spec", "updateStrategy", "rollingUpdate", "partition"]]?.intValue ?? 0
            w.write(1, "Partition:\t\(partition)")
        }
        w.write(0, "Pods Status:\t\(podsStatus(context.owned(context.pods)))")
        podTemplate(s.value[path: ["spec", "template"]], &w)
        let claims = s.value[path: ["spec", "volumeClaimTemplates"]]?.arrayValue ?? []
        if claims.isEmpty {
            w.write(0, "Volume Claims:\t<none>")
        } else {
            w.write(0, "Volume Claims:")
            for claim in claims {
                w.write(1, "Name:\t\(claim[path: ["metadata", "name"]]?.stringValue ?? "")")
                w.write(1, "StorageClass:\t\(claim[path: ["spec", "storageClassName"]]?.stringValue ?? "")")
                labels(1, "Labels", claim[path: ["metadata", "labels"]]?.stringMap ?? [:], &w)
                annotations(1, claim[path: ["metadata", "annotations"]]?.stringMap ?? [:], &w)
                let capacity = claim[path: ["spec", "resources", "requests", "storage"]].map(ResourceColumns.quantity)
                w.write(1, "Capacity:\t\(capacity ?? "")")
                let modes = (claim[path: ["spec", "accessModes"]]?.arrayValue ?? []).compactMap(\.stringValue)
                w.write(1, "Access Modes:\t[\(modes.joined(separator: " "))]")
            }
        }
    }

    /// `3 Running / 1 Waiting / 0 Succeeded / 0 Failed`.
    static func podsStatus(_ pods: [Resource]) -> String {
        let phases = pods.map { $0.value[path: ["status", "phase"]]?.stringValue ?? "Pending" }
        let count = { (phase: String) in phases.filter { $0 == phase }.count }
        return "\(count("Running")) Running / \(count("Pending")) Waiting / \(count("Succeeded")) Succeeded / "
            + "\(count("Failed")) Failed"
    }

    /// The ReplicaSet whose pod template is the Deployment's (ignoring `pod-template-hash`), else the one at the
    /// Deployment's revision.
    static func newReplicaSet(of deployment: Resource, among replicaSets: [Resource]) -> Resource? {
        let wanted = deployment.value[path: ["spec", "template"]]
        let matching = replicaSets.first { rs in
            var template = rs.value[path: ["spec", "template"]]
            template?[path: ["metadata", "labels", "pod-template-hash"]] = nil
            if template?[path: ["metadata", "labels"]]?.objectValue?.isEmpty == true {
                template?[path: ["metadata", "labels"]] = nil
            }
            return template == wanted
        }
        if let matching { return matching }
        let revision = deployment.annotations["deployment.kubernetes.io/revision"]
        return replicaSets.first { revision != nil && $0.annotations["deployment.kubernetes.io/revision"] == revision }
    }

    /// `web-7d9c6 (3/3 replicas created), …` or `<none>`.
    static func replicaSetList(_ replicaSets: [Resource]) -> String {
        guard !replicaSets.isEmpty else { return "<none>" }
        return replicaSets.map { rs in
            "\(rs.name) (\(rs.value[path: ["status", "replicas"]]?.intValue ?? 0)/"
                + "\(rs.value[path: ["spec", "replicas"]]?.intValue ?? 0) replicas created)"
        }.joined(separator: ", ")
    }
}
