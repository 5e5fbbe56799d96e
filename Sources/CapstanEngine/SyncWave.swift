import CapstanModel

/// The `capstan.io/sync-wave` annotation (Argo CD's sync waves): lower waves are applied first and must be
/// Healthy before the next wave starts. Default 0; negative waves run before it.
public enum SyncWave {
    public static let annotation = "capstan.io/sync-wave"

    /// The resource's wave, 0 without the annotation; nil when the annotation is not an integer.
    public static func of(_ resource: Resource) -> Int? {
        guard let text = resource.annotations[annotation] else { return 0 }
        return Int(text.trimmingCharacters(in: .whitespaces))
    }

    /// One line per resource whose annotation is not an integer, naming file, line and resource.
    public static func problems(in desired: [DesiredResource]) -> [String] {
        desired.compactMap { item in
            guard of(item.resource) == nil else { return nil }
            let value = item.resource.annotations[annotation] ?? ""
            return "\(item.location): \(item.key): annotation \(annotation) must be an integer, got \"\(value)\""
        }
    }
}
