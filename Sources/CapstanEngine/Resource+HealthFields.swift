import CapstanModel

/// Field readers the health checks share: integers with defaults, conditions, status presence.
extension Resource {
    /// The integer at a path, or `fallback` when absent or not a number.
    func int(_ path: String..., or fallback: Int = 0) -> Int {
        value[path: path]?.intValue ?? fallback
    }

    /// The string at a path, or "" when absent.
    func string(_ path: String...) -> String {
        value[path: path]?.stringValue ?? ""
    }

    /// `metadata.generation`, 0 when the server has not set one.
    var generation: Int { int("metadata", "generation") }

    /// `status.observedGeneration`, 0 when absent.
    var observedGeneration: Int { int("status", "observedGeneration") }

    /// True when the object has a non-empty `status` block.
    var hasStatus: Bool {
        guard case .object(let members)? = status else { return false }
        return !members.isEmpty
    }

    /// The `status.conditions` entry of a type, if any.
    func condition(_ type: String) -> HealthCondition? {
        guard let conditions = value[path: ["status", "conditions"]]?.arrayValue else { return nil }
        return conditions.lazy.compactMap(HealthCondition.init).first { $0.type == type }
    }

    /// All `status.conditions` entries, in order.
    var conditions: [HealthCondition] {
        value[path: ["status", "conditions"]]?.arrayValue?.compactMap(HealthCondition.init) ?? []
    }
}
