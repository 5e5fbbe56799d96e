import CapstanModel

/// A named exception to strict subset matching, for a field the API server fills in or rewrites.
///
/// The differ consults rules only where strict matching failed, so a rule can forgive a difference
/// but never invent one.
struct DiffRule: Sendable {
    /// What the rule is for, e.g. `"resource quantities compare by value"`.
    let name: String
    /// Whether the rule covers the field at this path.
    let appliesTo: @Sendable (FieldPath) -> Bool
    /// With the live field absent: true when this desired value still counts as a match.
    let acceptsMissing: @Sendable (_ desired: Value) -> Bool
    /// With both present but unequal: true when they mean the same thing.
    let acceptsValue: @Sendable (_ desired: Value, _ live: Value) -> Bool

    init(
        name: String,
        appliesTo: @escaping @Sendable (FieldPath) -> Bool,
        acceptsMissing: @escaping @Sendable (Value) -> Bool = { _ in false },
        acceptsValue: @escaping @Sendable (Value, Value) -> Bool = { _, _ in false }
    ) {
        self.name = name
        self.appliesTo = appliesTo
        self.acceptsMissing = acceptsMissing
        self.acceptsValue = acceptsValue
    }
}
