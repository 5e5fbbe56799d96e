import CapstanHTTPClient
import Foundation

/// The timed part of a throughput run: senders posting signed deliveries, and a pusher moving `main` forward.
struct DeliveryRun: Sendable {
    let requests: Int
    let url: String
    /// One signed delivery body per prepared commit.
    let bodies: [GitHubPush]
    let client: CurlHTTPClient
    let progress: DeliveryProgress
    /// No request starts after it.
    let deadline: ContinuousClock.Instant
    private let runID = UUID().uuidString.prefix(8).lowercased()

    init(
        requests: Int, url: String, bodies: [GitHubPush], client: CurlHTTPClient, progress: DeliveryProgress,
        deadline: ContinuousClock.Instant
    ) {
        self.requests = requests
        self.url = url
        self.bodies = bodies
        self.client = client
        self.progress = progress
        self.deadline = deadline
    }

    /// Runs `concurrency` senders until `requests` deliveries are issued or the deadline passes.
    func send(concurrency: Int) async -> SenderTotals {
        let start = ContinuousClock.now
        var totals = await withTaskGroup(of: SenderTotals.self) { group in
            for _ in 0..<concurrency { group.addTask { await sender() } }
            var totals = SenderTotals()
            for await part in group { totals.merge(part) }
            return totals
        }
        totals.end = ContinuousClock.now
        totals.elapsed = start.duration(to: totals.end)
        return totals
    }

    /// One sender: one request at a time, each naming the newest pushed commit, with a new delivery id.
    private func sender() async -> SenderTotals {
        var totals = SenderTotals()
        while true {
            let number = progress.take()
            guard number < requests, ContinuousClock.now < deadline else { break }
            let index = progress.pushed
            let request = bodies[index].request(url: url, delivery: "bench-\(runID)-\(number)")
            let sent = ContinuousClock.now
            let status: String
            do {
                status = String(try await client.send(request).status)
            } catch {
                status = "error"
            }
            totals.latencies.append(sent.duration(to: .now).milliseconds)
            totals.statusCounts[status, default: 0] += 1
            totals.named[index, default: 0] += 1
            totals.sent += 1
        }
        return totals
    }

    /// Pushes the plan's steps after the first as the senders pass each threshold (skipping a step when the next
    /// is due already); stops when the senders are done or the deadline passed. Returns each push's duration in
    /// milliseconds.
    func push(_ plan: PushPlan, git: GitWorkspace, ids: [String]) async throws -> [Double] {
        var durations: [Double] = []
        for step in 1..<max(plan.pushes, 1) {
            while progress.issued < plan.threshold(step: step) {
                guard progress.issued < requests, ContinuousClock.now < deadline else { return durations }
                try await Task.sleep(for: .milliseconds(1))
            }
            guard progress.issued < requests, ContinuousClock.now < deadline else { return durations }
            // Behind the senders: the next step is due already, so this one is skipped (its commits go with it).
            if step + 1 < plan.pushes, progress.issued >= plan.threshold(step: step + 1) { continue }
            let start = ContinuousClock.now
            try await git.pushOffThePool(ids[plan.commitIndex(step: step)])
            durations.append(start.duration(to: .now).milliseconds)
            progress.setPushed(plan.commitIndex(step: step))
        }
        return durations
    }
}
