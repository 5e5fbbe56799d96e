import Testing

@testable import CapstanDockerBackend

#if canImport(Glibc)
    import Glibc
#endif

/// Pods' ports: one per pod, reused for the same pod, released when it goes, never one another program holds.
@Suite struct PortAllocatorTests {
    @Test func eachPodGetsItsOwnFreePortAndPortsInUseAreSkipped() {
        let busy: Set<Int> = [40_001]
        let ports = PortAllocator(range: 40_000...40_003, isFree: { !busy.contains($0) })
        #expect(ports.port(for: "a") == 40_000)
        #expect(ports.port(for: "a") == 40_000, "the same pod keeps its port")
        #expect(ports.port(for: "b") == 40_002, "40001 is in use by another program")
        ports.adopt(40_003, for: "c")
        #expect(ports.port(for: "d") == nil, "the range is exhausted")
        ports.release("a")
        #expect(ports.port(for: "d") == 40_000)
    }

    @Test func aPortWithAListenerIsNotFree() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 }
        }
        try #require(bound)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        #expect(!PortProbe.isFree(port))
        let ports = PortAllocator(range: port...port)
        #expect(ports.port(for: "x") == nil, "the only port of the range is taken by a listener")
    }
}
