import CapstanModel

extension Description {
    static func persistentVolumeClaim(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let claim = context.object
        let volume = claim.value[path: ["spec", "volumeName"]]?.stringValue ?? ""
        names(claim, &w)
        w.write(0, "StorageClass:\t\(ResourceColumns.storageClass(claim))")
        w.write(0, "Status:\t\(claim.value[path: ["status", "phase"]]?.stringValue ?? "")")
        w.write(0, "Volume:\t\(volume)")
        labels(0, "Labels", claim.labels, &w)
        annotations(0, claim.annotations, &w)
        finalizers(claim, &w)
        let capacity = claim.value[path: ["status", "capacity", "storage"]].map(ResourceColumns.quantity) ?? ""
        w.write(0, "Capacity:\t\(volume.isEmpty ? "" : capacity)")
        let modes = volume.isEmpty ? "" : ResourceColumns.accessModes(claim.value[path: ["status", "accessModes"]])
        w.write(0, "Access Modes:\t\(modes)")
        w.write(0, "VolumeMode:\t\(claim.value[path: ["spec", "volumeMode"]]?.stringValue ?? "Filesystem")")
        let users = context.pods.filter { pod in
            (pod.value[path: ["spec", "volumes"]]?.arrayValue ?? []).contains {
                $0[path: ["persistentVolumeClaim", "claimName"]]?.stringValue == claim.name
            }
        }.map(\.name)
        w.multiline(0, "Used By", users)
    }

    static func persistentVolume(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let volume = context.object
        w.write(0, "Name:\t\(volume.name)")
        labels(0, "Labels", volume.labels, &w)
        annotations(0, volume.annotations, &w)
        finalizers(volume, &w)
        w.write(0, "StorageClass:\t\(ResourceColumns.storageClass(volume))")
        w.write(0, "Status:\t\(volume.value[path: ["status", "phase"]]?.stringValue ?? "")")
        var claim = ""
        if let reference = volume.value[path: ["spec", "claimRef"]], !reference.isNull {
            claim = "\(reference["namespace"]?.stringValue ?? "")/\(reference["name"]?.stringValue ?? "")"
        }
        w.write(0, "Claim:\t\(claim)")
        w.write(
            0, "Reclaim Policy:\t\(volume.value[path: ["spec", "persistentVolumeReclaimPolicy"]]?.stringValue ?? "")")
        w.write(0, "Access Modes:\t\(ResourceColumns.accessModes(volume.value[path: ["spec", "accessModes"]]))")
        w.write(0, "VolumeMode:\t\(volume.value[path: ["spec", "volumeMode"]]?.stringValue ?? "Filesystem")")
        w.write(
            0, "Capacity:\t\(volume.value[path: ["spec", "capacity", "storage"]].map(ResourceColumns.quantity) ?? "")")
        w.write(0, "Node Affinity:\t\(volume.value[path: ["spec", "nodeAffinity"]] == nil ? "<none>" : "(set)")")
        w.write(0, "Message:\t\(volume.value[path: ["status", "message"]]?.stringValue ?? "")")
        w.write(0, "Source:")
        let sources = (volume.spec?.objectValue ?? [:]).filter { key, _ in
            ![
                "accessModes", "capacity", "claimRef", "persistentVolumeReclaimPolicy", "storageClassName",
                "volumeMode", "nodeAffinity", "mountOptions",
            ].contains(key)
        }
        for (type, details) in sources.sorted(by: { $0.key < $1.key }) {
            w.write(2, "Type:\t\(type)")
            for (name, value) in (details.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                w.write(
                    2, "\(name.prefix(1).uppercased() + name.dropFirst()):\t\(value.stringValue ?? value.jsonString())")
            }
        }
    }

    static func finalizers(_ object: Resource, _ w: inout DescribeWriter) {
        let finalizers = (object.value[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        w.write(0, "Finalizers:\t[\(finalizers.joined(separator: " "))]")
    }
}
