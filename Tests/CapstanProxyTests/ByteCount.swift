import Synchronization

/// Bytes written so far, read by the test while a writer task adds to it.
final class ByteCount: Sendable {
    let value = Atomic<Int>(0)
}
