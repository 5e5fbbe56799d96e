import ArgumentParser
import CapstanModel

/// `KIND NAMESPACE/NAME` (or `KIND NAME` for a cluster-scoped object) naming a stored object: the kind matches
/// case-insensitively, `Kind.group` picks one API group (`Deployment.apps`).
struct StoredObjectSelector: CustomStringConvertible {
    var kind: String
    var group: String?
    var namespace: String
    var name: String

    /// Parses the two arguments; `ValidationError` when they are empty or have too many parts.
    init(kind text: String, object: String) throws {
        let kindParts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard let kind = kindParts.first, !kind.isEmpty else {
            throw ValidationError("expected a KIND such as Secret or Deployment.apps, got \"\(text)\"")
        }
        self.kind = kind
        group = kindParts.count == 2 ? kindParts[1] : nil
        let parts = object.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError(
                "expected NAMESPACE/NAME, or NAME for a cluster-scoped object (e.g. default/db), got \"\(object)\"")
        }
        namespace = parts.count == 2 ? parts[0] : ""
        name = parts[parts.count - 1]
    }

    /// True when `key` is the object this selector names.
    func matches(_ key: ResourceKey) -> Bool {
        key.kind.lowercased() == kind.lowercased() && group.map { $0 == key.group } != false
            && key.namespace == namespace && key.name == name
    }

    /// `Secret default/db` as given.
    var description: String {
        "\(group.map { "\(kind).\($0)" } ?? kind) \(namespace.isEmpty ? name : "\(namespace)/\(name)")"
    }
}
