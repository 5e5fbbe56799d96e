import CapstanCluster
import CapstanCore
import CapstanDocker
import CapstanGit
import CapstanModel
import CapstanSimulator
import CapstanStore
import CapstanTestSupport
import Foundation
import Logging
import Testing

@testable import CapstanDockerBackend

/// The shared semantics through the whole reconcile loop (git → AppReconciler → backend), against each backend: a
/// changed ConfigMap and a changed Secret roll the Deployment that reads them (and, on Docker, the new containers
/// carry the new values), a replica killed in the middle of a rollout is replaced and the rollout completes, a
/// Deployment removed from git is pruned with its pods and containers, and reverting a commit rolls back.
@Suite(.serialized) struct AppConformanceTests {
    typealias Kind = BackendConformanceTests.Kind

    static func web(replicas: Int = 2) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: web}}
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
          template:
            metadata: {labels: {app: web}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
                - name: web
                  image: capstan-test/busybox:1
                  command: [sleep, "3600"]
                  env:
                    - {name: GREETING, valueFrom: {configMapKeyRef: {name: web-config, key: greeting}}}
                    - {name: TOKEN, valueFrom: {secretKeyRef: {name: web-secret, key: token}}}

        """
    }

    static let extra = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: extra, namespace: default}
        spec:
          replicas: 1
          selector: {matchLabels: {app: extra}}
          template:
            metadata: {labels: {app: extra}}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: extra, image: "capstan-test/busybox:1", command: [sleep, "3600"]}]

        """

    static let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec: {selector: {app: web}, ports: [{port: 30777, targetPort: 8080}]}

        """

    static func config(_ greeting: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: default}\ndata: {greeting: \(greeting)}\n"
    }

    static func secret(_ token: String) -> String {
        "apiVersion: v1\nkind: Secret\nmetadata: {name: web-secret, namespace: default}\nstringData: {token: \(token)}\n"
    }

    /// The app's reconciler over a fresh git remote and state store, on `cluster`.
    static func reconciler(
        _ git: GitFixture, cluster: SimulatedCluster, state: URL, autoRollback: Bool = false
    ) async throws -> AppReconciler {
        let store = try StateStore(path: state.appendingPathComponent("capstan.sqlite").path)
        let app = AppDefinition(
            name: "web", source: AppSource(repo: git.url, ref: "main", path: "app"), namespace: "default",
            interval: .seconds(30), prune: true, selfHeal: true, autoRollback: autoRollback)
        var logger = Logger(label: "capstan.test")
        logger.logLevel = .critical
        return try await AppReconciler(
            app: app, source: LibGit2Repository(url: git.url, cacheDirectory: state.appendingPathComponent("git").path),
            backend: cluster, store: store, renderer: ManifestRenderer(checksumKey: Array("conformance".utf8)),
            events: NoEventSink(), logger: logger)
    }

    /// Reconciles (fetching first) until the app's rollout of `commit` is Healthy, for at most `seconds`; `during`
    /// runs once after the first reconcile, while the rollout is under way.
    static func converge(
        _ reconciler: AppReconciler, to commit: String, seconds: Double = 60,
        during: (() async throws -> Void)? = nil
    ) async throws -> Bool {
        await reconciler.reconcile(.poll)
        try await during?()
        return try await DockerNodeAgentTests.eventually(seconds) {
            await reconciler.reconcile(.clusterChange)
            let status = await reconciler.status
            return status.sync.revision == commit && status.rollout?.state == .healthy
        }
    }

    /// The values the running containers of `app` see (Docker), or nil on the simulated cluster, whose pods do
    /// not run processes.
    static func environments(_ backend: BackendConformanceTests.Running, app: String) async throws -> [[String:
        String]]?
    {
        guard backend.kind == .docker else { return nil }
        let engine = try DockerEngine(DockerTestDaemon.host.get())
        let containers = try await engine.listContainers(
            labels: backend.containerLabels.merging([ContainerLabels.name: app]) { $1 })
        var environments: [[String: String]] = []
        for container in containers where container.state == "running" {
            environments.append(try await engine.inspectContainer(container.id).env)
        }
        return environments
    }

    static func pods(_ cluster: SimulatedCluster, app: String) async throws -> [Resource] {
        try await cluster.list(ResourceTypes.pod, namespace: "default").filter {
            $0.value[path: ["metadata", "labels", "app"]]?.stringValue == app
                && $0.value[path: ["metadata", "deletionTimestamp"]] == nil
        }
    }

    /// Kills one running replica of `app` the way each backend's users would see it die: `docker kill` on Docker,
    /// a deleted pod on the simulated cluster.
    static func killOne(_ backend: BackendConformanceTests.Running, app: String) async throws {
        switch backend.kind {
        case .docker:
            let engine = try DockerEngine(DockerTestDaemon.host.get())
            let running = try await engine.listContainers(
                labels: backend.containerLabels.merging([ContainerLabels.name: app]) { $1 }
            ).filter {
                $0.state == "running"
            }
            let victim = try #require(running.first, "no running container of \(app) to kill")
            try await engine.killContainer(victim.id)
        case .simulated:
            let victim = try #require(try await pods(backend.cluster, app: app).first, "no pod of \(app) to kill")
            _ = await backend.cluster.delete([victim.key])
        }
    }

    @Test(.timeLimit(.minutes(4)), arguments: Kind.allCases)
    func configRolloutKillDuringRolloutPruneAndRevert(kind: Kind) async throws {
        let backend = try await BackendConformanceTests.start(kind)
        defer { backend.tasks.forEach { $0.cancel() } }
        let cluster = backend.cluster
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-conf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        do {
            let git = try GitFixture()
            let first = try git.commit(
                [
                    "app/web.yaml": Self.web(), "app/extra.yaml": Self.extra, "app/config.yaml": Self.config("hello"),
                    "app/secret.yaml": Self.secret("s3cr3t-one"),
                    "app/service.yaml": Self.service,
                ], message: "web and extra")
            let reconciler = try await Self.reconciler(git, cluster: cluster, state: state)
            #expect(try await Self.converge(reconciler, to: first), "\(kind): first commit not Healthy")
            #expect(try await Self.pods(cluster, app: "web").count == 2)
            if let envs = try await Self.environments(backend, app: "web") {
                #expect(envs.count == 2)
                #expect(envs.allSatisfy { $0["GREETING"] == "hello" && $0["TOKEN"] == "s3cr3t-one" })
                // Service links point at the proxy address, whatever cluster IP the control plane gave the Service.
                #expect(
                    envs.allSatisfy { $0["WEB_SERVICE_HOST"] == "127.0.0.1" && $0["WEB_SERVICE_PORT"] == "30777" },
                    "\(envs.map { $0.filter { $0.key.hasPrefix("WEB_SERVICE") } })")
            }
            let firstHashes = Set(try await Self.pods(cluster, app: "web").map { PodWorkload.of($0).templateHash })

            // A ConfigMap change rolls web; one of its replicas is killed while the rollout runs.
            let second = try git.commit(["app/config.yaml": Self.config("bonjour")], message: "bonjour")
            #expect(
                try await Self.converge(reconciler, to: second) {
                    try await Self.killOne(backend, app: "web")
                }, "\(kind): ConfigMap rollout with a killed replica not Healthy")
            let secondPods = try await Self.pods(cluster, app: "web")
            #expect(secondPods.count == 2)
            #expect(Set(secondPods.map { PodWorkload.of($0).templateHash }).isDisjoint(with: firstHashes))
            if let envs = try await Self.environments(backend, app: "web") {
                #expect(
                    try await DockerNodeAgentTests.eventually(20) {
                        let now = try await Self.environments(backend, app: "web") ?? []
                        return now.count == 2 && now.allSatisfy { $0["GREETING"] == "bonjour" }
                    }, "\(kind): containers after the ConfigMap rollout: \(envs.map { $0["GREETING"] ?? "-" })")
            }

            // A Secret change rolls web too.
            let third = try git.commit(["app/secret.yaml": Self.secret("s3cr3t-two")], message: "rotate token")
            #expect(try await Self.converge(reconciler, to: third), "\(kind): Secret rollout not Healthy")
            if kind == .docker {
                #expect(
                    try await DockerNodeAgentTests.eventually(20) {
                        let now = try await Self.environments(backend, app: "web") ?? []
                        return now.count == 2 && now.allSatisfy { $0["TOKEN"] == "s3cr3t-two" }
                    }, "\(kind): containers do not see the rotated Secret")
            }

            // Removed from git: extra is pruned, its pods and containers go.
            let fourth = try git.commit(["app/extra.yaml": nil], message: "drop extra")
            #expect(try await Self.converge(reconciler, to: fourth), "\(kind): prune commit not Healthy")
            let extraKey = ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "extra")
            #expect(try await cluster.get([extraKey])[extraKey] == nil, "\(kind): extra not pruned")
            #expect(
                try await DockerNodeAgentTests.eventually(30) {
                    let pods = try await Self.pods(cluster, app: "extra")
                    let containers = try await Self.environments(backend, app: "extra") ?? []
                    return pods.isEmpty && containers.isEmpty
                }, "\(kind): extra's pods or containers remain")

            // Reverting the ConfigMap commit rolls web back to the first greeting.
            let identity = [
                "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada",
                "GIT_COMMITTER_EMAIL": "ada@example.com",
            ]
            try git.git(["revert", "--no-edit", second], environment: identity)
            try git.git(["push", "--quiet", "origin", "main"])
            let reverted = try git.output(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await Self.converge(reconciler, to: reverted), "\(kind): revert not Healthy")
            if kind == .docker {
                #expect(
                    try await DockerNodeAgentTests.eventually(20) {
                        let now = try await Self.environments(backend, app: "web") ?? []
                        return now.count == 2 && now.allSatisfy { $0["GREETING"] == "hello" }
                    }, "\(kind): containers after the revert")
            }
            #expect(try await Self.pods(cluster, app: "web").count == 2)
        } catch {
            await backend.cleanup()
            throw error
        }
        await backend.cleanup()
    }
}
