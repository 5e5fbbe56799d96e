import CapstanModel

/// Why `capstan diff` could not tell what a sync would change: the source, the manifests or the cluster.
/// Names the app, and the file and line of a manifest that does not render; never a Secret value.
public struct DiffError: ClassifiedError, Equatable {
    public var message: String
    public var isRetryable: Bool
    public var description: String { message }

    public init(_ message: String, isRetryable: Bool) {
        self.message = message
        self.isRetryable = isRetryable
    }
}
