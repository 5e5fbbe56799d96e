import CapstanCluster
import CapstanHTTPClient
import CapstanModel
import Foundation

/// P1 of issue 4: from a signed GitHub push webhook posted over HTTP to the new revision Healthy on the simulated
/// cluster. Each commit rolls one Deployment of the app and is pushed first (not timed); the clock starts just
/// before the POST and stops when the in-process status shows the commit synced and its rollout Healthy.
struct WebhookLatencyBenchmark {
    let commits: Int
    let workload: WebhookWorkload
    let work: String
    let timeout: Duration

    init(options: BenchArguments) throws(BenchError) {
        commits = try options.int("commits", default: 100, in: 1...10_000)
        workload = WebhookWorkload(resources: try options.int("resources", default: 50, in: 5...2_000))
        work = try options.string("work")
        timeout = .seconds(try options.int("timeout-seconds", default: 10, in: 1...300))
    }

    func run() async throws -> WebhookLatencyResult {
        try await WebhookBenchService.withDeployedApp(workload, work: work, name: "webhook-latency") {
            try await measure($0, git: $1, first: $2, secret: $3)
        }
    }

    private func measure(
        _ service: WebhookBenchService, git: GitWorkspace, first: String, secret: String
    ) async throws -> WebhookLatencyResult {
        try await service.wait(timeout: .seconds(60), for: "the first commit Healthy") { $0.isHealthy(at: first) }
        let client = CurlHTTPClient(
            configuration: HTTPClientConfiguration(timeout: .seconds(10), maxConnectionsPerHost: 1))
        defer { client.shutdown() }

        // One untimed commit first: opens the keep-alive connection and warms the fetch path.
        var previous = first
        var samples: [WebhookLatencySample] = []
        for number in 0...commits {
            let commit = try git.commit(workload.change(number + 1), message: "Roll generation \(number + 1)")
            try git.push()
            let push = GitHubPush(repository: git.url, after: commit, before: previous, secret: secret)
            let sample = try await deliver(push, commit: commit, previous: previous, service: service, client: client)
            if number > 0 { samples.append(sample) }
            previous = commit
        }
        let syncs = try await service.syncs(after: first, through: previous)
        try await verifyRolledOut(service, generation: commits + 1)
        return WebhookLatencyResult(
            commits: samples.count, resources: workload.resourceCount,
            healthy: Samples(samples.map(\.healthy)).distribution,
            answered: Samples(samples.map(\.answered)).distribution,
            synced: Samples(samples.map(\.synced)).distribution,
            healthyMilliseconds: samples.map(\.healthy),
            webhookSyncs: syncs.filter { $0.trigger == .webhook }.count,
            otherSyncs: syncs.filter { $0.trigger != .webhook }.count,
            timeoutSeconds: timeout.milliseconds / 1000,
            peakResidentBytes: ProcessMemory.peakResidentBytes)
    }

    /// Checks in the simulated cluster that the last change really rolled its Deployment: one Running pod per
    /// Deployment, and the changed one's pod carries the last generation.
    private func verifyRolledOut(_ service: WebhookBenchService, generation: Int) async throws {
        let pods = try await service.app.cluster.list(ResourceTypes.pod, namespace: WebhookWorkload.namespace)
        let running = pods.filter { $0.value[path: ["status", "phase"]] == "Running" }
        let rolled = running.filter {
            $0.value[path: ["metadata", "annotations", "bench.capstan.io/generation"]] == .string("\(generation)")
        }
        guard running.count == pods.count, pods.count == workload.groups, rolled.count == 1 else {
            throw BenchError(
                "after the last commit the cluster has \(pods.count) pods, \(running.count) Running, "
                    + "\(rolled.count) of generation \(generation); expected \(workload.groups), all Running, one")
        }
    }

    /// Posts one delivery and polls the status every millisecond until `commit` is Healthy (bounded by `timeout`).
    private func deliver(
        _ push: GitHubPush, commit: String, previous: String, service: WebhookBenchService, client: CurlHTTPClient
    ) async throws -> WebhookLatencySample {
        let before = try await service.status()
        guard before.sync.revision == previous else {
            throw BenchError(
                "before the webhook for \(commit) the app was at \(before.sync.revision ?? "none"), not \(previous): "
                    + "something other than the webhook made it fetch")
        }
        let request = push.request(url: service.webhookURL, delivery: UUID().uuidString)
        let start = ContinuousClock.now
        let post = Task { () throws -> (HTTPResponse, ContinuousClock.Instant) in
            let response = try await client.send(request)
            return (response, ContinuousClock.now)
        }
        var synced: ContinuousClock.Instant?
        let deadline = start + timeout
        while true {
            let status = try await service.status()
            let now = ContinuousClock.now
            if synced == nil, status.sync.revision == commit { synced = now }
            if status.isHealthy(at: commit) { break }
            guard now < deadline else {
                post.cancel()
                throw BenchError(
                    "commit \(commit) was not Healthy within \(timeout) of its webhook: sync "
                        + "\(status.sync.status.rawValue) at \(status.sync.revision ?? "none"), rollout "
                        + "\(status.rollout?.state.rawValue ?? "none") of \(status.rollout?.revision ?? "none")")
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        let healthy = ContinuousClock.now
        let (response, answered) = try await post.value
        let answer = try? JSONParser.parse(response.body)
        guard response.status == 202, answer?["accepted"] == .bool(true),
            answer?["apps"] == .array([.string(WebhookBenchService.appName)])
        else {
            throw BenchError("the webhook for \(commit) was answered \(response.status): \(response.text.prefix(500))")
        }
        return WebhookLatencySample(
            answered: start.duration(to: answered).milliseconds,
            synced: start.duration(to: synced ?? healthy).milliseconds,
            healthy: start.duration(to: healthy).milliseconds)
    }
}
