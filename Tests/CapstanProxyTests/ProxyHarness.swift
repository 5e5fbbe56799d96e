import CapstanProxy
import Logging

/// A proxy with one listener, `default/web:80` on an ephemeral port of 127.0.0.1, and its test backends.
struct ProxyHarness {
    static let name = "default/web:80"

    let proxy: ServiceProxy
    let backends: [TestBackend]
    let port: Int

    /// Starts `count` backends named `backend-0`... and a proxy whose listener forwards to all of them.
    static func start(backends count: Int, _ behaviour: TestBackend.Behaviour = .lines) async throws
        -> ProxyHarness
    {
        var backends: [TestBackend] = []
        for index in 0..<count {
            backends.append(try await TestBackend.start("backend-\(index)", behaviour))
        }
        // A long connect timeout: these tests count exact splits, which a busy machine must not turn into
        // failovers; ConnectTimeoutTests covers the timeout.
        let proxy = ServiceProxy(connectTimeout: .seconds(10), logger: quietLogger)
        try await proxy.update([ProxyListener(name: name, port: 0, backends: backends.map(\.backend))])
        guard let port = await proxy.boundPort(of: name) else { throw TestFailure("\(name) has no bound port") }
        return ProxyHarness(proxy: proxy, backends: backends, port: port)
    }

    /// The listener with `backends` instead.
    func listener(_ backends: [TestBackend]) -> ProxyListener {
        ProxyListener(name: Self.name, port: port, backends: backends.map(\.backend))
    }

    /// The listener's counters.
    func stats() async throws -> ProxyListenerStats {
        guard let stats = await proxy.stats(for: Self.name) else { throw TestFailure("no stats for \(Self.name)") }
        return stats
    }

    /// Shuts the proxy down and closes the backends.
    func stop() async {
        await proxy.shutdown()
        for backend in backends {
            await backend.close()
        }
    }
}

/// A logger that shows only warnings and worse, so test output stays readable.
let quietLogger: Logger = {
    var logger = Logger(label: "capstan.proxy.test")
    logger.logLevel = .warning
    return logger
}()
