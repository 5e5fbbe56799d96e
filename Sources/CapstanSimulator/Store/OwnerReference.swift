import CapstanModel

/// `metadata.ownerReferences[]`: the object that owns another, for garbage collection.
struct OwnerReference: Sendable, Hashable {
    var apiVersion: String
    var kind: String
    var name: String
    var uid: String
    var controller: Bool

    init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool = true) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
    }

    /// A controller reference to `owner`.
    init(controlledBy owner: Resource) {
        self.init(apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid)
    }

    init?(_ value: Value) {
        guard let kind = value["kind"]?.stringValue, let name = value["name"]?.stringValue,
            let uid = value["uid"]?.stringValue
        else { return nil }
        self.init(
            apiVersion: value["apiVersion"]?.stringValue ?? "", kind: kind, name: name, uid: uid,
            controller: value["controller"]?.boolValue ?? false)
    }

    var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    var value: Value {
        [
            "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid),
            "controller": .bool(controller), "blockOwnerDeletion": true,
        ]
    }
}
