import CapstanHTTPClient
import Foundation
import Synchronization

/// Signed webhook intake throughput (issue 4): `--requests` GitHub push deliveries with distinct ids from
/// `--concurrency` senders over keep-alive connections on 127.0.0.1, bounded by `--seconds`. Meanwhile the
/// prepared commits reach the remote in `--pushes` pushes; every delivery names the newest pushed commit, and
/// the last push happens at 90 % of the requests, so the final deliveries all name the last commit. Afterwards
/// the app must converge to that commit, in far fewer syncs than deliveries.
struct WebhookThroughputBenchmark {
    let requests: Int
    let concurrency: Int
    let commits: Int
    let pushes: Int
    let seconds: Int
    let workload: WebhookWorkload
    let work: String

    init(options: BenchArguments) throws(BenchError) {
        requests = try options.int("requests", default: 20_000, in: 1...1_000_000)
        concurrency = try options.int("concurrency", default: 32, in: 1...256)
        commits = try options.int("commits", default: 200, in: 1...2_000)
        pushes = try options.int("pushes", default: 10, in: 1...100)
        seconds = try options.int("seconds", default: 60, in: 1...600)
        workload = WebhookWorkload(resources: try options.int("resources", default: 50, in: 5...2_000))
        work = try options.string("work")
        guard pushes <= commits else { throw BenchError("webhook-throughput: --pushes must not exceed --commits") }
    }

    func run() async throws -> WebhookThroughputResult {
        try await WebhookBenchService.withDeployedApp(workload, work: work, name: "webhook-throughput") {
            try await measure($0, git: $1, first: $2, secret: $3)
        }
    }

    private func measure(
        _ service: WebhookBenchService, git: GitWorkspace, first: String, secret: String
    ) async throws -> WebhookThroughputResult {
        try await service.wait(timeout: .seconds(60), for: "the first commit Healthy") { $0.isHealthy(at: first) }

        // Prepared up front, not timed: the commits (local only) and each one's signed body.
        let ids = try (1...commits).map { number in
            try git.commit(workload.change(number), message: "Roll generation \(number)")
        }
        let bodies = ids.indices.map { index in
            GitHubPush(
                repository: git.url, after: ids[index], before: index > 0 ? ids[index - 1] : first, secret: secret)
        }
        let plan = PushPlan(commits: commits, pushes: pushes, requests: requests)
        try git.push(ids[plan.commitIndex(step: 0)])
        let progress = DeliveryProgress(pushed: plan.commitIndex(step: 0))

        let client = CurlHTTPClient(
            configuration: HTTPClientConfiguration(timeout: .seconds(10), maxConnectionsPerHost: concurrency))
        defer { client.shutdown() }
        let run = DeliveryRun(
            requests: requests, url: service.webhookURL, bodies: bodies, client: client, progress: progress,
            deadline: ContinuousClock.now + .seconds(seconds))
        let reconciles = service.countReconciles(limit: .seconds(seconds + 120))
        let pusher = Task { try await run.push(plan, git: git, ids: ids) }
        let senders = await run.send(concurrency: concurrency)
        let pushed = try await pusher.value

        // The newest commit a delivery named: the app must end there (or at a commit pushed after it meanwhile).
        guard let newest = senders.named.keys.max(), let namingNewest = senders.named[newest] else {
            throw BenchError("no delivery was sent")
        }
        let acceptable = Set(ids[newest...max(newest, progress.pushed)])
        let converged = try await service.wait(timeout: .seconds(60), for: "the newest named commit Healthy") {
            guard let revision = $0.sync.revision, acceptable.contains(revision) else { return false }
            return $0.isHealthy(at: revision)
        }
        let convergedAfter = senders.end.duration(to: .now).milliseconds
        reconciles.cancel()
        let reconcilesSeen = await reconciles.value
        let syncs = try await service.syncs(after: first, through: converged.sync.revision ?? "")
        return WebhookThroughputResult(
            requests: senders.sent, plannedRequests: requests, concurrency: concurrency,
            seconds: senders.elapsed.milliseconds / 1000,
            requestsPerSecond: Double(senders.sent) / (senders.elapsed.milliseconds / 1000),
            statusCounts: senders.statusCounts, latency: Samples(senders.latencies).distribution,
            stoppedByTime: senders.sent < requests, commits: commits, pushes: pushed.count + 1,
            pushMilliseconds: pushed.isEmpty ? nil : Samples(pushed).distribution,
            newestNamedIsLastCommit: newest == commits - 1,
            deliveriesNamingNewest: namingNewest, newestNamedRevision: ids[newest],
            convergedRevision: converged.sync.revision ?? "",
            convergedAfterMilliseconds: convergedAfter,
            webhookSyncs: syncs.filter { $0.trigger == .webhook }.count,
            otherSyncs: syncs.filter { $0.trigger != .webhook }.count, reconcilesSeen: reconcilesSeen,
            peakResidentBytes: ProcessMemory.peakResidentBytes, residentBytesAfter: ProcessMemory.residentBytes)
    }
}
