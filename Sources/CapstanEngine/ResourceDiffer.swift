import CapstanModel

/// Compares a manifest with the live object, looking only at fields the manifest sets.
///
/// Objects match when every desired key matches in live (keys only in live are ignored);
/// arrays when they have the same length and match element by element; numbers by value
/// (`1` == `1.0`). `DiffRule.all` forgives what the server rewrites. Secret data is redacted.
public enum ResourceDiffer {
    /// Every field where `live` does not match `desired`, in a stable order (sorted object keys).
    public static func differences(desired: Resource, live: Resource) -> [FieldDifference] {
        guard !StrictMatch.matches(desired.value, live.value) else { return [] }
        var walker = DiffWalker(redactsData: isSecret(desired) || isSecret(live), rules: DiffRule.all)
        walker.compare(desired.value, live.value)
        return walker.differences
    }

    private static func isSecret(_ resource: Resource) -> Bool {
        resource.kind == "Secret" && resource.group.isEmpty
    }
}
