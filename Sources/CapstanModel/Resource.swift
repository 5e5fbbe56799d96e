/// A Kubernetes-style object: a JSON-like value with typed accessors for the common fields.
public struct Resource: Sendable, Hashable {
    /// The whole object.
    public var value: Value

    public init(_ value: Value) { self.value = value }

    /// A minimal object with the identifying fields set.
    public init(apiVersion: String, kind: String, namespace: String? = nil, name: String, spec: Value? = nil) {
        var metadata: Value = ["name": .string(name)]
        if let namespace, !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
        var value: Value = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata]
        if let spec { value["spec"] = spec }
        self.value = value
    }

    public var apiVersion: String {
        get { value["apiVersion"]?.stringValue ?? "" }
        set { value["apiVersion"] = .string(newValue) }
    }

    public var kind: String {
        get { value["kind"]?.stringValue ?? "" }
        set { value["kind"] = .string(newValue) }
    }

    /// The API group: the part of `apiVersion` before `/`, empty for the core group (`v1`).
    public var group: String {
        let version = apiVersion
        guard let slash = version.firstIndex(of: "/") else { return "" }
        return String(version[..<slash])
    }

    public var metadata: Value {
        get { value["metadata"] ?? .object([:]) }
        set { value["metadata"] = newValue }
    }

    public var name: String {
        get { value[path: ["metadata", "name"]]?.stringValue ?? "" }
        set { value[path: ["metadata", "name"]] = .string(newValue) }
    }

    /// The namespace, empty when unset or cluster-scoped.
    public var namespace: String {
        get { value[path: ["metadata", "namespace"]]?.stringValue ?? "" }
        set { value[path: ["metadata", "namespace"]] = newValue.isEmpty ? nil : .string(newValue) }
    }

    public var labels: [String: String] {
        get { value[path: ["metadata", "labels"]]?.stringMap ?? [:] }
        set {
            value[path: ["metadata", "labels"]] = newValue.isEmpty ? nil : .object(newValue.mapValues(Value.string))
        }
    }

    public var annotations: [String: String] {
        get { value[path: ["metadata", "annotations"]]?.stringMap ?? [:] }
        set {
            value[path: ["metadata", "annotations"]] =
                newValue.isEmpty ? nil : .object(newValue.mapValues(Value.string))
        }
    }

    public var spec: Value? {
        get { value["spec"] }
        set { value["spec"] = newValue }
    }

    public var status: Value? {
        get { value["status"] }
        set { value["status"] = newValue }
    }

    public var key: ResourceKey { ResourceKey(group: group, kind: kind, namespace: namespace, name: name) }

    /// `metadata.resourceVersion`: changes whenever the stored object changes; empty when the backend has none.
    public var resourceVersion: String {
        get {
            guard case .object(let members) = value, case .object(let metadata)? = members["metadata"],
                case .string(let version)? = metadata["resourceVersion"]
            else { return "" }
            return version
        }
        set { value[path: ["metadata", "resourceVersion"]] = newValue.isEmpty ? nil : .string(newValue) }
    }
}

extension Resource: Codable {
    public init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
