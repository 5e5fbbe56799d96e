import CapstanProxy
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct LargeTransferTests {
    /// 10 MB to an echoing backend and 10 MB back, written and read at once, arrive intact.
    @Test func tenMegabytesBothWaysArriveIntact() async throws {
        let harness = try await ProxyHarness.start(backends: 1, .echo)
        let size = 10 * 1024 * 1024
        let data = TestData.pattern(count: size)

        let start = ContinuousClock.now
        let connection = try await TestClient.connect(harness.port)
        let received = try await withDeadline(30, "the echo of 10 MB") {
            try await connection.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: TestData.Verifier?.self) { group in
                    group.addTask {
                        for offset in stride(from: 0, to: size, by: 65_536) {
                            try await outbound.write(data.getSlice(at: offset, length: min(65_536, size - offset))!)
                        }
                        outbound.finish()
                        return nil
                    }
                    group.addTask {
                        var verifier = TestData.Verifier()
                        for try await chunk in inbound {
                            verifier.check(chunk)
                        }
                        return verifier
                    }
                    var result: TestData.Verifier?
                    for try await case let verifier? in group {
                        result = verifier
                    }
                    return result
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        print("large transfer: 10 MB each way in \(elapsed), \(Int(20 / elapsed.seconds)) MB/s through the proxy")
        #expect(received?.count == size)
        #expect(received?.firstMismatch == nil)
        await harness.stop()
    }
}
