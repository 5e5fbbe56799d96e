import CapstanModel

/// Why a container's environment cannot be built (the kubelet's `CreateContainerConfigError`): a ConfigMap or
/// Secret, or one of its keys, that the container needs and that does not exist. Names objects and keys only.
public struct PodEnvironmentError: ClassifiedError, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// The object may be created by the next sync or by hand: the kubelet keeps retrying.
    public var isRetryable: Bool { true }

    public var description: String { message }
}
