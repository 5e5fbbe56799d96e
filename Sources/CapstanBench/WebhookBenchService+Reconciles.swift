import Foundation

extension WebhookBenchService {
    /// Samples the app's status every millisecond until cancelled (or `limit` passes) and counts the reconciles
    /// it saw finish: the distinct `reconciledAt` stamps. A lower bound: two reconciles within one sample
    /// interval count once.
    func countReconciles(limit: Duration) -> Task<Int, Never> {
        Task {
            var stamps = Set<Date>()
            let deadline = ContinuousClock.now + limit
            while !Task.isCancelled, ContinuousClock.now < deadline {
                if let stamp = try? await status().reconciledAt { stamps.insert(stamp) }
                try? await Task.sleep(for: .milliseconds(1))
            }
            return stamps.count
        }
    }
}
