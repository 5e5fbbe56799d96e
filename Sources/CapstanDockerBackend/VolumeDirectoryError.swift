import CapstanModel

/// The folder of ConfigMap and Secret volume files could not be used: names the folder and what failed.
struct VolumeDirectoryError: ClassifiedError, Equatable {
    var message: String
    /// False for a folder that is not on a tmpfs or belongs to another user (a configuration problem).
    var isRetryable: Bool

    init(_ message: String, isRetryable: Bool = true) {
        self.message = message
        self.isRetryable = isRetryable
    }

    var description: String { message }
}
