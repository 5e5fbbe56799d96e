import CapstanModel

/// A pod container that cannot become a Docker container as written (the kubelet's `CreateContainerConfigError`
/// for this backend): names the pod, the container and the field, never a value.
public struct PodContainerSpecError: ClassifiedError, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// The pod's spec does not change; a new pod (a new commit) is needed.
    public var isRetryable: Bool { false }

    public var description: String { message }
}
