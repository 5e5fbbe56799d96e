import CapstanDocker
import CapstanDockerBackend
import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan serve` with an app on the Docker backend (a private daemon): a commit becomes running containers
/// that answer HTTP, the Service's proxy listener balances over both replicas, the app is Healthy, `capstan get pods --backend docker` lists them, and removing the
/// Deployment from git removes them.
@Suite(.serialized) struct DockerBackendServiceTests {
    static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
                - name: web
                  image: capstan-test/busybox:1
                  command: ["sh", "-c", "echo $(POD_NAME) > /tmp/index.html; exec httpd -f -p $PORT -h /tmp"]
                  env:
                    - name: POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                  ports: [{containerPort: 8080}]
                  readinessProbe:
                    httpGet: {path: /index.html, port: 8080}
                    periodSeconds: 1
        """

    @Test(.timeLimit(.minutes(2))) func aCommitBecomesRunningContainersAndLeavesWithIt() async throws {
        let host = try DockerTestDaemon.host.get()
        let engine = try DockerEngine(host)
        let node = "docker-s\(UUID().uuidString.prefix(8).lowercased())"
        let mine: [String: String?] = [ContainerLabels.node: node]
        let git = try GitFixture()
        let servicePort = Int.random(in: 30_500...30_999)
        let service = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{port: \(servicePort), targetPort: 8080}]
            """
        try git.commit(
            ["apps/guestbook/web.yaml": Self.web, "apps/guestbook/service.yaml": service], message: "Web on Docker")
        let server = try await ServerHarness.start(git: git) { settings in
            settings.docker = DockerBackendOptions(
                hosts: [DockerHost(name: node, endpoint: host)], portRange: 32_000...32_499,
                driftInterval: .milliseconds(500))
            settings.apps[0].definition.backend = "docker"
        }
        do {
            try await server.stopping {
                _ = try await server.waitForApp(timeout: .seconds(60)) {
                    $0[path: ["health", "status"]] == "Healthy" && $0[path: ["sync", "status"]] == "Synced"
                }
                let containers = try await engine.listContainers(labels: mine)
                #expect(containers.count == 2 && containers.allSatisfy { $0.state == "running" })
                for container in containers {
                    let port = try #require(container.labels[ContainerLabels.port])
                    let answer = try await ServerHarness.http.send(
                        HTTPRequest(url: "http://127.0.0.1:\(port)/index.html"))
                    #expect(answer.text.hasPrefix("web-"))
                }
                // Through the Service: round robin over both replicas (once the proxy has both endpoints).
                let serviceURL = "http://127.0.0.1:\(servicePort)/index.html"
                for _ in 0..<50 {
                    let stats = await server.app.docker?.proxy.stats(for: "default/web:\(servicePort)")
                    if stats?.backends.filter(\.inRotation).count == 2 { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                var answers: [String: Int] = [:]
                for _ in 0..<20 {
                    let answer = try await ServerHarness.http.send(
                        HTTPRequest(url: serviceURL))
                    answers[answer.text.trimmingCharacters(in: .whitespacesAndNewlines), default: 0] += 1
                }
                #expect(answers.count == 2 && answers.values.allSatisfy { $0 == 10 }, "\(answers)")
                let pods = try await CapstanBinary.run([
                    "get", "pods", "--backend", "docker", "--server", server.baseURL,
                ])
                #expect(pods.status == 0, "\(pods.stderr)")
                #expect(
                    pods.stdout.split(separator: "\n").filter { $0.hasPrefix("web-") && $0.contains("Running") }.count
                        == 2, "\(pods.stdout)")
                // The daemon is the pod's node; the Deployment and the Service as kubectl shows them.
                let wide = try await CapstanBinary.run([
                    "get", "pods", "-o", "wide", "--backend", "docker", "--server", server.baseURL,
                ])
                let rows = wide.stdout.split(separator: "\n").filter { $0.hasPrefix("web-") }
                #expect(rows.count == 2 && rows.allSatisfy { $0.contains(" \(node) ") }, "\(wide.stdout)")
                let deployments = try await CapstanBinary.run([
                    "get", "deployments", "--backend", "docker", "--server", server.baseURL,
                ])
                #expect(
                    deployments.stdout.split(separator: "\n").contains {
                        $0.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["web", "2/2", "2", "2"]
                    }, "\(deployments.stdout)")
                let services = try await CapstanBinary.run([
                    "get", "services", "--backend", "docker", "--server", server.baseURL,
                ])
                #expect(
                    services.stdout.split(separator: "\n").contains {
                        $0.hasPrefix("web ") && $0.contains(" 127.0.0.1 ") && $0.contains("\(servicePort)/TCP")
                    }, "\(services.stdout)")

                try git.commit(
                    [
                        "apps/guestbook/web.yaml": nil, "apps/guestbook/service.yaml": nil,
                        "apps/guestbook/README.md": "empty",
                    ], message: "Remove web")
                _ = try await server.json("POST", "/api/v1/apps/guestbook/sync")
                let deadline = Date().addingTimeInterval(30)
                while try await !engine.listContainers(labels: mine).isEmpty, Date() < deadline {
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(try await engine.listContainers(labels: mine).isEmpty, "containers of the removed Deployment")
            }
        } catch {
            for container in (try? await engine.listContainers(labels: mine)) ?? [] {
                try? await engine.removeContainer(container.id, force: true)
            }
            throw error
        }
    }
}
