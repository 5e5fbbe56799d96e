import CapstanSecrets
import Testing

@Suite struct UsageCounterTests {
    @Test func encryptionsAreCountedPerKeyOnTopOfPersistedCounts() throws {
        var file = try KeyRingFile.random(keyName: "k1")
        let old = KeyRing(file, encryptions: ["k1": 41])
        _ = try old.seal([1], identity: "t/a")
        #expect(old.encryptions(of: "k1") == 42)
        try file.addKey(named: "k2")
        let ring = KeyRing(file, encryptions: old.encryptionCounts)
        for _ in 0..<3 { _ = try ring.seal([1], identity: "t/a") }
        #expect(ring.encryptions(of: "k2") == 3)
        #expect(ring.encryptions(of: "k1") == 42)
        #expect(ring.encryptionCounts == ["k1": 42, "k2": 3])
        #expect(ring.encryptions(of: "missing") == 0)
    }

    @Test func decryptionsAreNotCounted() throws {
        let ring = KeyRing(try KeyRingFile.random())
        let text = try ring.seal([1], identity: "t/a")
        for _ in 0..<5 { _ = try ring.open(text, identity: "t/a") }
        #expect(ring.encryptions(of: "k1") == 1)
    }

    @Test(
        arguments: [
            (UInt64(0), false), (UInt64(1 << 32) - 1, false), (UInt64(1 << 32), true), (UInt64(1 << 32) + 1, true),
            (UInt64.max, true),
        ] as [(UInt64, Bool)])
    func rotationIsNeededFrom2To32Encryptions(encryptions: UInt64, expected: Bool) {
        #expect(KeyRing.needsRotation(encryptions: encryptions) == expected)
    }

    @Test func keysAtTheThresholdAreListed() throws {
        var file = try KeyRingFile.random(keyName: "old")
        try file.addKey(named: "new")
        let ring = KeyRing(file, encryptions: ["old": 1 << 32, "new": 10])
        #expect(ring.keysNeedingRotation == ["old"])
    }

    @Test func concurrentEncryptionsAreAllCounted() async throws {
        let ring = KeyRing(try KeyRingFile.random())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { for _ in 0..<500 { _ = try ring.seal([UInt8(task)], identity: "t/\(task)") } }
            }
            try await group.waitForAll()
        }
        #expect(ring.encryptions(of: "k1") == 4000)
    }
}
