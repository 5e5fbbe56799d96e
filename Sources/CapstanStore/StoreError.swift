import CapstanModel

/// A state store operation failed.
public struct StoreError: ClassifiedError {
    /// What the store was doing, e.g. "save the status of app guestbook".
    public var operation: String
    public var path: String?
    public var underlying: String
    public var isRetryable: Bool

    public init(_ operation: String, path: String?, _ error: any Error) {
        self.operation = operation
        self.path = path
        if let storeError = error as? StoreError {
            underlying = storeError.underlying
            isRetryable = storeError.isRetryable
        } else {
            underlying = String(describing: error)
            // Locked or busy databases clear; a corrupt file or a schema mismatch does not.
            isRetryable = underlying.contains("database is locked") || underlying.contains("SQLITE_BUSY")
        }
    }

    public init(_ operation: String, path: String?, message: String) {
        self.operation = operation
        self.path = path
        self.underlying = message
        self.isRetryable = false
    }

    public var description: String {
        let place = path.map { " (\($0))" } ?? ""
        return "state store: \(operation)\(place) failed: \(underlying)"
    }
}
