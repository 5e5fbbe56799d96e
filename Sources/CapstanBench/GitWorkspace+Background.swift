import Foundation

extension GitWorkspace {
    /// `push(commit)` on a thread of its own, so the git process's wait never holds one of the few threads of
    /// Swift's cooperative pool that the service in this process runs on.
    func pushOffThePool(_ commit: String) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    try push(commit)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "capstan-bench-git"
            thread.start()
        }
    }
}
