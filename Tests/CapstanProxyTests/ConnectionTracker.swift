import NIOCore
import Synchronization

/// The connections a `TestBackend` accepted.
final class ConnectionTracker: Sendable {
    private let state = Mutex<(count: Int, open: [ObjectIdentifier: any Channel])>((0, [:]))

    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        state.withLock {
            $0.count += 1
            $0.open[id] = channel
        }
        channel.closeFuture.whenComplete { _ in self.state.withLock { _ = $0.open.removeValue(forKey: id) } }
    }

    var count: Int { state.withLock { $0.count } }
    var open: [any Channel] { state.withLock { Array($0.open.values) } }
}
