import Foundation

/// One long-lived thread that runs blocking jobs one after another, in the order they were given.
///
/// For a resource whose calls block and must not overlap, such as one libgit2 repository. The thread sleeps
/// while there is nothing to do and ends once the object is gone and its last job ran. See `DedicatedThread`
/// for why this is not a serial `DispatchQueue`.
public final class SerialThread: Sendable {
    private let jobs = Jobs()

    /// Starts the thread, named `name` (15 bytes at most).
    public init(name: String) {
        let jobs = self.jobs
        Thread {
            ThreadName.setCurrent(name)
            jobs.runUntilClosed()
        }.start()
    }

    deinit {
        jobs.close()
    }

    /// Runs `work` on the thread after the jobs given before it; its result or error is the caller's.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            jobs.append { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The queue between callers and the thread, guarded by a condition variable the idle thread waits on.
    private final class Jobs: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [@Sendable () -> Void] = []
        private var isClosed = false

        func append(_ job: @escaping @Sendable () -> Void) {
            condition.lock()
            pending.append(job)
            condition.signal()
            condition.unlock()
        }

        func close() {
            condition.lock()
            isClosed = true
            condition.signal()
            condition.unlock()
        }

        func runUntilClosed() {
            while let job = next() { job() }
        }

        /// The oldest job, waiting for one; nil once closed and drained.
        private func next() -> (@Sendable () -> Void)? {
            condition.lock()
            defer { condition.unlock() }
            while pending.isEmpty && !isClosed { condition.wait() }
            return pending.isEmpty ? nil : pending.removeFirst()
        }
    }
}
