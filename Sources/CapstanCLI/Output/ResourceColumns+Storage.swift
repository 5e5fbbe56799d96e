import CapstanModel
import Foundation

extension ResourceColumns {
    static func persistentVolumeClaims(wide: Bool) -> ResourceColumns {
        let headers = [
            "NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE",
        ]
        return ResourceColumns(headers: headers + (wide ? ["VOLUMEMODE"] : [])) { c, now in
            let volume = string(c, "spec", "volumeName") ?? ""
            let bound = !volume.isEmpty
            let row = [
                c.name, phase(c), volume,
                bound ? (c.value[path: ["status", "capacity", "storage"]].map(quantity) ?? "") : "",
                bound ? accessModes(c.value[path: ["status", "accessModes"]]) : "", storageClass(c),
                string(c, "spec", "volumeAttributesClassName") ?? "<unset>", Age.of(c, now: now),
            ]
            return wide ? row + [string(c, "spec", "volumeMode") ?? "<unset>"] : row
        }
    }

    static func persistentVolumes(wide: Bool) -> ResourceColumns {
        let headers = [
            "NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS",
            "VOLUMEATTRIBUTESCLASS", "REASON", "AGE",
        ]
        return ResourceColumns(headers: headers + (wide ? ["VOLUMEMODE"] : [])) { v, now in
            var claim = ""
            if let reference = v.value[path: ["spec", "claimRef"]], !reference.isNull {
                claim = "\(reference["namespace"]?.stringValue ?? "")/\(reference["name"]?.stringValue ?? "")"
            }
            let row = [
                v.name, v.value[path: ["spec", "capacity", "storage"]].map(quantity) ?? "",
                accessModes(v.value[path: ["spec", "accessModes"]]),
                string(v, "spec", "persistentVolumeReclaimPolicy") ?? "", phase(v), claim, storageClass(v),
                string(v, "spec", "volumeAttributesClassName") ?? "<unset>", string(v, "status", "reason") ?? "",
                Age.of(v, now: now),
            ]
            return wide ? row + [string(v, "spec", "volumeMode") ?? "<unset>"] : row
        }
    }

    /// `RWO,ROX,RWX,RWOP` in kubectl's order.
    static func accessModes(_ modes: Value?) -> String {
        let present = Set((modes?.arrayValue ?? []).compactMap(\.stringValue))
        let names = [
            ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"),
            ("ReadWriteOncePod", "RWOP"),
        ]
        return names.filter { present.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// The beta storage-class annotation wins over `spec.storageClassName`, as in kubectl.
    static func storageClass(_ r: Resource) -> String {
        r.annotations["volume.beta.kubernetes.io/storage-class"] ?? string(r, "spec", "storageClassName") ?? ""
    }

    static func quantity(_ value: Value) -> String {
        value.stringValue ?? value.intValue.map(String.init) ?? value.jsonString()
    }

    private static func phase(_ r: Resource) -> String {
        r.value[path: ["metadata", "deletionTimestamp"]]?.stringValue != nil
            ? "Terminating" : (string(r, "status", "phase") ?? "")
    }
}
