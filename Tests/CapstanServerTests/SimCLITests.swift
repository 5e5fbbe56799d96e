import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan sim …` through the real binary against a running service; each effect is checked with `get`.
@Suite(.serialized) struct SimCLITests {
    @Test(.timeLimit(.minutes(1))) func killPodReplacesThePod() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let before = try await SimulationFixtures.runningPods(server, count: 2)
            let kill = try await capstan(["sim", "kill-pod", "default/\(before[0])"], server)
            #expect(kill.status == 0, "\(kill.stderr)")
            #expect(kill.stdout == "pod/\(before[0]) killed\n")
            let after = try await SimulationFixtures.runningPods(server, count: 2, excluding: [before[0]])
            #expect(after.contains(before[1]))
            let replacement = try #require(after.first { $0 != before[1] })
            #expect(replacement.hasPrefix("frontend-"))
            let pods = try await capstan(["get", "pods"], server)
            #expect(!pods.stdout.contains(before[0]))
            #expect(pods.stdout.contains(replacement))
        }
    }

    @Test(.timeLimit(.minutes(1))) func crashCountsARestart() async throws {
        try await SimulationFixtures.withGuestbook(timeScale: 10) { server in
            let pods = try await SimulationFixtures.runningPods(server, count: 2)
            let crash = try await capstan(["sim", "crash", "default/\(pods[0])", "-o", "json"], server)
            #expect(crash.status == 0, "\(crash.stderr)")
            let answer = try JSONParser.parse(crash.stdout)
            #expect(answer["action"] == "crash")
            #expect(answer["container"] == "frontend")
            #expect(answer["object"] == ["kind": "Pod", "namespace": "default", "name": .string(pods[0])])
            // RESTARTS reads "1 (Ns ago)" once the container has restarted.
            let row = try await poll(["get", "pods"], server) { output in
                output.split(separator: "\n").first { $0.hasPrefix(pods[0]) && $0.contains("   1 (") }
            }
            #expect(row.contains(" ago)"))
            let other = try await capstan(["get", "pods"], server)
            #expect(
                other.stdout.split(separator: "\n").contains { $0.hasPrefix(pods[1]) && $0.contains("Running   0 ") })
        }
    }

    static let probed: [String: String?] = [
        "apps/guestbook/probed.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: probed
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: probed
          template:
            metadata:
              labels:
                app: probed
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  livenessProbe:
                    httpGet: {path: /healthz, port: 80}
                    periodSeconds: 1
                    failureThreshold: 2
        """
    ]

    @Test(.timeLimit(.minutes(1))) func failingLivenessProbesRestartTheContainer() async throws {
        try await SimulationFixtures.withGuestbook(timeScale: 10, extra: Self.probed) { server in
            let row = try await poll(["get", "pods"], server) { output in
                output.split(separator: "\n").first { $0.hasPrefix("probed-") && $0.contains("Running   0 ") }
            }
            let pod = String(row.prefix { $0 != " " })
            let fail = try await capstan(["sim", "liveness", "fail", "default/\(pod)"], server)
            #expect(fail.status == 0, "\(fail.stderr)")
            #expect(fail.stdout == "liveness probes of pod/\(pod) (containers) now fail\n")
            _ = try await poll(["get", "pods"], server) { output in
                output.split(separator: "\n").first { $0.hasPrefix(pod) && $0.contains("   1 (") }
            }
            let ok = try await capstan(["sim", "liveness", "ok", "default/\(pod)", "--container", "app"], server)
            #expect(ok.stdout == "liveness probes of pod/\(pod) (container app) pass again\n", "\(ok.stderr)")
            let described = try await capstan(["describe", "pod", "default/\(pod)"], server)
            #expect(described.stdout.contains("Liveness probe failed"), "\(described.stdout)")

            let pods = try await capstan(["get", "pods"], server)
            let frontend = try #require(pods.stdout.split(separator: "\n").first { $0.hasPrefix("frontend-") })
            let frontendPod = String(frontend.prefix { $0 != " " })
            let refused = try await capstan(["sim", "liveness", "fail", "default/\(frontendPod)"], server)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("has a livenessProbe"), "\(refused.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aFailedNodeIsNotReadyAndRecovers() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let fail = try await capstan(["sim", "node", "fail", "node-2"], server)
            #expect(fail.stdout == "node/node-2 failed\n")
            _ = try await poll(["get", "nodes"], server) { output in
                output.split(separator: "\n").first { $0.hasPrefix("node-2") && $0.contains(" NotReady ") }
            }
            let recover = try await capstan(["sim", "node", "recover", "node-2"], server)
            #expect(recover.stdout == "node/node-2 recovered\n", "\(recover.stderr)")
            _ = try await poll(["get", "nodes"], server) { output in
                output.split(separator: "\n").first { $0.hasPrefix("node-2") && $0.contains(" Ready ") }
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func anUnpullableImageShowsInThePodStatus() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let pods = try await SimulationFixtures.runningPods(server, count: 2)
            let fail = try await capstan(["sim", "image", "fail", "nginx:1.27"], server)
            #expect(fail.stdout == "pulls of nginx:1.27 now fail\n", "\(fail.stderr)")
            let kill = try await capstan(["sim", "kill-pod", "default/\(pods[0])"], server)
            let row = try await poll(["get", "pods"], server) { output in
                output.split(separator: "\n").first { $0.contains("ErrImagePull") || $0.contains("ImagePullBackOff") }
            }
            #expect(row.hasPrefix("frontend-"))
            #expect(row.contains("0/1"))
            let ok = try await capstan(["sim", "image", "ok", "nginx:1.27"], server)
            #expect(ok.stdout == "pulls of nginx:1.27 now succeed\n")
        }
    }

    @Test(.timeLimit(.minutes(1))) func requestsAreCountedPerPod() async throws {
        try await SimulationFixtures.withGuestbook(replicas: 4) { server in
            let pods = try await SimulationFixtures.runningPods(server, count: 4)
            let json = try await capstan(
                ["sim", "request", "default/frontend", "--count", "1000", "-o", "json"], server)
            #expect(json.status == 0, "\(json.stderr)")
            let expected: Value = [
                "service": "default/frontend", "total": 1000,
                "byPod": .object(Dictionary(uniqueKeysWithValues: pods.map { ($0, Value.int(250)) })),
            ]
            #expect(try JSONParser.parse(json.stdout) == expected)
            let table = try await capstan(["sim", "request", "default/frontend", "--count", "1000"], server)
            let width = pods[0].count
            let rows =
                ["POD" + String(repeating: " ", count: width - 3) + "   REQUESTS"]
                + pods.map { $0 + "   250" }
                + ["total: 1000 requests to default/frontend over 4 pods"]
            #expect(table.stdout == rows.joined(separator: "\n") + "\n")
        }
    }

    @Test func loadAndDNSAnswer() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let service = try await server.json("GET", "/api/v1/cluster/svc/default/frontend")
            let clusterIP = try #require(service[path: ["spec", "clusterIP"]]?.stringValue)
            let dns = try await capstan(["sim", "dns", "frontend.default.svc.cluster.local"], server)
            #expect(dns.stdout == "frontend.default.svc.cluster.local has address \(clusterIP)\n", "\(dns.stderr)")
            let short = try await capstan(["sim", "dns", "frontend", "-o", "json"], server)
            #expect(try JSONParser.parse(short.stdout) == ["name": "frontend", "address": .string(clusterIP)])
            let fromOther = try await capstan(["sim", "dns", "frontend.default", "-n", "kube-system"], server)
            #expect(fromOther.stdout == "frontend.default has address \(clusterIP)\n")
            let unknown = try await capstan(["sim", "dns", "nope", "-n", "shop"], server)
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains(#"no Service answers to "nope" from namespace "shop" (HTTP 404)"#))

            let load = try await capstan(["sim", "load", "default/frontend", "--cpu", "90%"], server)
            #expect(load.stdout == "service/frontend: pods at 90% CPU\n", "\(load.stderr)")
        }
    }

    @Test func unknownObjectsFailWithTheServersMessage() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let pod = try await capstan(["sim", "kill-pod", "default/nope"], server)
            #expect(pod.status != 0)
            #expect(pod.stderr.contains(#"pods "nope" not found in namespace "default" (HTTP 404)"#), "\(pod.stderr)")
            let node = try await capstan(["sim", "node", "drain", "node-9"], server)
            #expect(node.stderr.contains(#"nodes "node-9" not found (HTTP 404)"#), "\(node.stderr)")
            let service = try await capstan(["sim", "request", "shop/web", "--count", "5"], server)
            #expect(service.stderr.contains(#"services "web" not found in namespace "shop" (HTTP 404)"#))
        }
    }

    /// Bad arguments are refused before any request: the server address is unreachable on purpose.
    @Test(arguments: [
        (["sim", "kill-pod", "frontend"], "expected NAMESPACE/POD (e.g. default/web), got \"frontend\""),
        (["sim", "crash", "default/"], "expected NAMESPACE/POD (e.g. default/web), got \"default/\""),
        (["sim", "kill-pod", "a/b/c"], "expected NAMESPACE/POD (e.g. default/web), got \"a/b/c\""),
        (["sim", "kill-pod", "Default/web"], "invalid namespace \"Default\""),
        (
            ["sim", "request", "default/frontend", "--count", "0"],
            "--count: expected a number of requests from 1 to 1000000, got 0"
        ),
        (
            ["sim", "request", "default/frontend", "--count=-5"],
            "--count: expected a number of requests from 1 to 1000000, got -5"
        ),
        (
            ["sim", "request", "frontend", "--count", "5"],
            "expected NAMESPACE/SERVICE (e.g. default/web), got \"frontend\""
        ),
        (
            ["sim", "load", "default/frontend", "--cpu", "2000"],
            "--cpu: expected a percentage from 0 to 1000, got \"2000\""
        ),
        (
            ["sim", "load", "default/frontend", "--cpu", "lots"],
            "--cpu: expected a percentage from 0 to 1000, got \"lots\""
        ),
        (["sim", "node", "explode", "node-1"], "explode"),
        (["sim", "image", "fail", "nginx 1.27"], "invalid image \"nginx 1.27\""),
        (["sim", "dns", "Not_A_Name"], "invalid DNS name \"Not_A_Name\""),
    ])
    func badArgumentsAreUsageErrors(_ arguments: [String], _ message: String) async throws {
        let result = try await CapstanBinary.run(arguments + ["--server", "http://127.0.0.1:1"])
        #expect(result.status == 64, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("cannot reach"))
    }

    private func capstan(_ arguments: [String], _ server: ServerHarness) async throws -> CapstanBinary.Outcome {
        try await CapstanBinary.run(arguments + ["--server", server.baseURL])
    }

    /// Runs the command every 100 ms until `match` finds something in its output (bounded).
    private func poll<T>(
        _ arguments: [String], _ server: ServerHarness, timeout: Duration = .seconds(60),
        _ match: (String) -> T?
    ) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while true {
            let result = try await capstan(arguments, server)
            if let found = match(result.stdout) { return found }
            guard ContinuousClock.now < deadline else {
                throw FixtureError("timed out running capstan \(arguments.joined(separator: " ")):\n\(result.stdout)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
