import Foundation

/// Runs one blocking call on a thread of its own and resumes the caller when it returns.
///
/// For work that blocks (a `connect`, waiting for a child process, a long render): on Linux, Dispatch's global
/// queues and Swift's cooperative pool share one set of worker threads, which grows only slowly when all of them
/// block, so blocking work sent to `DispatchQueue.global()` holds back every task in the process while it blocks
/// (docs/architecture.md, "Blocking work runs on threads of its own").
public enum DedicatedThread {
    /// Runs `work` on a new thread named `name` (15 bytes at most); its result or error is the caller's.
    public static func run<T: Sendable>(
        _ name: String, _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            start(name) { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work`, which cannot fail, on a new thread named `name`.
    public static func run<T: Sendable>(_ name: String, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start(name) { continuation.resume(returning: work()) }
        }
    }

    private static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        Thread {
            ThreadName.setCurrent(name)
            body()
        }.start()
    }
}
