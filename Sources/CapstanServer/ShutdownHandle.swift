import ServiceLifecycle
import Synchronization

/// The running service group, so `shutdown()` can reach it from another task.
final class ShutdownHandle: Sendable {
    private let stored = Mutex<ServiceGroup?>(nil)
    var group: ServiceGroup? { stored.withLock { $0 } }
    func set(_ group: ServiceGroup) { stored.withLock { $0 = group } }
}

/// The port the HTTP server bound, known once it runs.
final class BoundAddress: Sendable {
    private let stored = Mutex<Int?>(nil)
    var port: Int? { stored.withLock { $0 } }
    func set(_ port: Int) { stored.withLock { $0 = port } }
}
