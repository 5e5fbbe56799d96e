import CapstanModel

/// Why a rollback could not be done; names the app and the revision.
public struct RollbackError: ClassifiedError, Equatable {
    public var message: String
    public var isRetryable: Bool
    public var description: String { message }

    public init(_ message: String, isRetryable: Bool = false) {
        self.message = message
        self.isRetryable = isRetryable
    }
}
