import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on `<stateDir>/capstan.lock`, held by a running service for its whole life, so offline
/// tools (`capstan keys rewrap`) can tell that it runs and refuse instead of racing it. The lock goes with the
/// process, also when it is killed.
public final class StateDirectoryLock: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32?>

    /// Takes the lock, or returns nil when another process holds it.
    public static func acquire(stateDirectory: String) throws -> StateDirectoryLock? {
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        let path = (stateDirectory as NSString).appendingPathComponent("capstan.lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return StateDirectoryLock(path: path, descriptor: descriptor)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Gives the lock up (a stopped service, before its object goes away).
    public func release() {
        descriptor.withLock { open in
            if let fd = open { close(fd) }
            open = nil
        }
    }

    deinit { release() }
}
