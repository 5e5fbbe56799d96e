import CapstanProxy
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ValidationTests {
    static let invalid: [(String, [ProxyListener], String)] = [
        ("port out of range", [ProxyListener(name: "a", port: 70_000, backends: [])], "port 70000"),
        ("negative port", [ProxyListener(name: "a", port: -1, backends: [])], "port -1"),
        ("no name", [ProxyListener(name: "", port: 0, backends: [])], "no name"),
        ("empty host", [ProxyListener(name: "a", host: "", port: 0, backends: [])], "listen address"),
        ("backend port 0", [ProxyListener(name: "a", port: 0, backends: [ProxyBackend(port: 0)])], "backend"),
        (
            "duplicate names",
            [ProxyListener(name: "a", port: 0, backends: []), ProxyListener(name: "a", port: 0, backends: [])],
            "two listeners"
        ),
    ]

    /// An invalid listener fails the whole update before anything is bound.
    @Test(arguments: invalid)
    func invalidListenerFailsTheUpdate(_ label: String, _ listeners: [ProxyListener], _ detail: String) async {
        let proxy = ServiceProxy(logger: quietLogger)
        let valid = ProxyListener(name: "valid", port: 0, backends: [])
        do {
            try await proxy.update([valid] + listeners)
            Issue.record("\(label): the update succeeded")
        } catch {
            #expect(error.kind == .invalidListener, "\(label)")
            #expect(error.detail.contains(detail), "\(label): \(error.detail)")
            #expect(!error.isRetryable)
        }
        #expect(await proxy.stats().isEmpty, "\(label): something was bound")
        await proxy.shutdown()
    }

    /// After shutdown, updates fail with `shutdown`.
    @Test func updateAfterShutdownFails() async {
        let proxy = ServiceProxy(logger: quietLogger)
        await proxy.shutdown()
        do {
            try await proxy.update([])
            Issue.record("update after shutdown succeeded")
        } catch {
            #expect(error.kind == .shutdown)
        }
    }
}
