import CapstanProxy
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BindFailureTests {
    /// A port in use fails its own listener, named in the error, while the others work; once the port is
    /// free, the next update binds it.
    @Test func portInUseFailsOnlyItsListener() async throws {
        let harness = try await ProxyHarness.start(backends: 1)
        let occupier = try await TestBackend.start("occupier")
        let taken = ProxyListener(
            name: "default/db:5432", port: occupier.port, backends: harness.backends.map(\.backend))
        let listeners = [harness.listener(harness.backends), taken]

        do {
            try await harness.proxy.update(listeners)
            Issue.record("binding a port in use succeeded")
        } catch {
            #expect(error.kind == .bindFailed)
            #expect(error.listener == "default/db:5432")
            #expect(error.host == "127.0.0.1")
            #expect(error.port == occupier.port)
            #expect(error.detail.contains("Address already in use"))
            #expect(error.isRetryable)
            #expect(error.moreFailures.isEmpty)
            #expect(error.description.contains("default/db:5432 on 127.0.0.1:\(occupier.port)"))
        }
        #expect(try await TestClient.ask(harness.port) == "backend-0")
        #expect(try await TestClient.ask(occupier.port) == "occupier")
        let failed = try #require(await harness.proxy.stats(for: "default/db:5432"))
        #expect(failed.boundPort == nil)
        #expect(failed.bindError?.port == occupier.port)

        await occupier.close()
        try await harness.proxy.update(listeners)
        #expect(await harness.proxy.boundPort(of: "default/db:5432") == occupier.port)
        #expect(try await TestClient.ask(occupier.port) == "backend-0")
        #expect(await harness.proxy.stats(for: "default/db:5432")?.bindError == nil)
        await harness.stop()
    }

    /// Several listeners failing are all named in one error.
    @Test func everyFailedListenerIsNamed() async throws {
        let occupier = try await TestBackend.start("occupier")
        let proxy = ServiceProxy(logger: quietLogger)
        let listeners = ["a", "b"].map { ProxyListener(name: $0, port: occupier.port, backends: []) }
        do {
            try await proxy.update(listeners)
            Issue.record("binding a port in use succeeded")
        } catch {
            #expect(error.listener == "a")
            #expect(error.moreFailures.map(\.listener) == ["b"])
            #expect(error.description.contains("also failed: b on 127.0.0.1:\(occupier.port)"))
        }
        await proxy.shutdown()
        await occupier.close()
    }
}
