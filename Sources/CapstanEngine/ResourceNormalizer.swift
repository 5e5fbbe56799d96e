import CapstanModel
import Foundation

/// Rewrites a resource the way the API server stores it, so git and the cluster compare equal.
public enum ResourceNormalizer {
    /// Metadata the server owns; a copy written into a manifest is dropped.
    public static let serverSetMetadata: [String] = [
        "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
        "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
    ]

    /// Drops `status` and server-set metadata, and folds a Secret's `stringData` into base64 `data`.
    public static func normalize(_ resource: Resource) -> Resource {
        guard case .object(var members) = resource.value else { return resource }
        var changed = members.removeValue(forKey: "status") != nil
        if case .object(var metadata)? = members["metadata"],
            serverSetMetadata.contains(where: { metadata[$0] != nil })
        {
            for key in serverSetMetadata { metadata.removeValue(forKey: key) }
            members["metadata"] = .object(metadata)
            changed = true
        }
        if members["stringData"] != nil, isSecret(members) {
            foldStringData(into: &members)
            changed = true
        }
        return changed ? Resource(.object(members)) : resource
    }

    /// True for a core-group Secret.
    static func isSecret(_ members: [String: Value]) -> Bool {
        members["kind"]?.stringValue == "Secret" && members["apiVersion"]?.stringValue == "v1"
    }

    /// Kubernetes merges `stringData` into `data` (stringData wins) and never stores `stringData`.
    private static func foldStringData(into members: inout [String: Value]) {
        guard let stringData = members.removeValue(forKey: "stringData")?.objectValue else { return }
        var data = members["data"]?.objectValue ?? [:]
        for (key, value) in stringData {
            guard let text = plainText(value) else { continue }
            data[key] = .string(Data(text.utf8).base64EncodedString())
        }
        members["data"] = .object(data)
    }

    /// The text a scalar stands for (`5432` → "5432"); nil for null, arrays and objects.
    private static func plainText(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .int, .double, .bool: return value.jsonString()
        case .null, .array, .object: return nil
        }
    }
}
