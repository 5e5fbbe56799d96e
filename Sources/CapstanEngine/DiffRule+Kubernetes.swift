import CapstanModel

/// The rewrites Kubernetes performs that must not show up as drift. Add new ones to `all`.
extension DiffRule {
    static let all: [DiffRule] = [
        nullMeansUnset, emptyCollectionsOmitted, quantitiesByValue, portProtocolDefaultsToTCP,
    ]

    /// A `null` in a manifest sets nothing (`apply` drops it), so it matches whatever is live.
    static let nullMeansUnset = DiffRule(
        name: "a null in the manifest sets nothing",
        appliesTo: { _ in true },
        acceptsMissing: { $0.isNull },
        acceptsValue: { desired, _ in desired.isNull }
    )

    /// The server drops empty maps and lists (`omitempty`), so `labels: {}` matches an absent field.
    static let emptyCollectionsOmitted = DiffRule(
        name: "empty objects and arrays are omitted by the server",
        appliesTo: { _ in true },
        acceptsMissing: { desired in
            switch desired {
            case .object(let members): return members.isEmpty
            case .array(let items): return items.isEmpty
            default: return false
            }
        }
    )

    /// `resources.requests/limits`, `spec.hard` and `spec.capacity` are quantities the server
    /// canonicalizes: `"1"` == `1` == `"1000m"`, `"1Gi"` == `"1024Mi"`.
    static let quantitiesByValue = DiffRule(
        name: "resource quantities compare by value",
        appliesTo: { path in
            switch (path.key(fromEnd: 2), path.key(fromEnd: 1)) {
            case ("resources", "requests"?), ("resources", "limits"?): return path.key(fromEnd: 0) != nil
            case ("spec", "hard"?), ("spec", "capacity"?): return path.key(fromEnd: 0) != nil
            default: return false
            }
        },
        acceptsValue: { desired, live in
            guard let a = Quantity(desired), let b = Quantity(live) else { return false }
            return a.milliValue == b.milliValue
        }
    )

    /// Container and Service `ports[].protocol` default to TCP.
    static let portProtocolDefaultsToTCP = DiffRule(
        name: "ports default to protocol TCP",
        appliesTo: { path in
            path.key(fromEnd: 0) == "protocol" && path.isIndex(fromEnd: 1) && path.key(fromEnd: 2) == "ports"
        },
        acceptsMissing: { $0 == .string("TCP") }
    )
}
