import CapstanDocker
import CapstanDockerBackend
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan serve` with `backend: docker` and kinds Docker has no meaning for: the Deployment runs, the
/// HorizontalPodAutoscaler, Ingress and custom resource are not applied and show as `Unsupported` in the app's
/// API status, in `capstan app` and in `capstan history`, and the sync is not a failure.
extension DockerBackendServiceTests {
    static let extras = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 1
          maxReplicas: 4
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          defaultBackend: {service: {name: web, port: {number: 80}}}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: thing
        spec: {size: 3}
        """

    @Test(.timeLimit(.minutes(2))) func kindsWithoutADockerMeaningAreReportedUnsupported() async throws {
        let host = try DockerTestDaemon.host.get()
        let engine = try DockerEngine(host)
        let node = "docker-u\(UUID().uuidString.prefix(8).lowercased())"
        let mine: [String: String?] = [ContainerLabels.node: node]
        let git = try GitFixture()
        let web = Self.web.replacingOccurrences(of: "replicas: 2", with: "replicas: 1")
        try git.commit(
            ["apps/guestbook/web.yaml": web, "apps/guestbook/extras.yaml": Self.extras], message: "Web and extras")
        let server = try await ServerHarness.start(git: git) { settings in
            settings.docker = DockerBackendOptions(
                hosts: [DockerHost(name: node, endpoint: host)], portRange: 33_500...33_599,
                driftInterval: .milliseconds(500))
            settings.apps[0].definition.backend = "docker"
        }
        var failure: (any Error)?
        do {
            try await server.stopping {
                let app = try await server.waitForApp(timeout: .seconds(60)) {
                    $0[path: ["health", "status"]] == "Healthy" && $0[path: ["sync", "status"]] == "Synced"
                }
                #expect(app[path: ["lastSync", "result"]] == "Succeeded")
                let containers = try await engine.listContainers(labels: mine)
                #expect(containers.count == 1 && containers.allSatisfy { $0.state == "running" })
                let unsupported = (app["resources"]?.arrayValue ?? []).filter { $0["status"] == "Unsupported" }
                #expect(
                    unsupported.compactMap { $0["message"]?.stringValue } == [
                        "not supported on backend docker: no metrics",
                        "not supported on backend docker: no ingress controller",
                        "not supported on backend docker: no controller runs this kind",
                    ])
                #expect(app["conditions"]?.arrayValue?.first?["type"] == "UnsupportedResources")
                for kind in ["horizontalpodautoscalers", "ingresses"] {
                    let list = try await server.json("GET", "/api/v1/cluster/\(kind)?namespace=default&backend=docker")
                    #expect(list["items"]?.arrayValue?.isEmpty == true, "\(kind) applied: \(list.jsonString())")
                }

                let shown = try await CapstanBinary.run(["app", "guestbook", "--server", server.baseURL])
                #expect(shown.status == 0, "\(shown.stderr)")
                let rows = shown.stdout.split(separator: "\n").filter { $0.contains(" Unsupported ") }
                #expect(rows.count == 3, "\(shown.stdout)")
                #expect(rows.contains { $0.hasPrefix("HorizontalPodAutoscaler") && $0.contains("no metrics") })
                #expect(shown.stdout.contains("Condition:  UnsupportedResources"), "\(shown.stdout)")
                let history = try await CapstanBinary.run(["history", "guestbook", "--server", server.baseURL])
                #expect(
                    history.stdout.contains(
                        "unsupported Ingress/default/web: not supported on backend docker: no ingress controller"),
                    "\(history.stdout)")
            }
        } catch {
            failure = error
        }
        // The service is stopped: its agent no longer recreates what is removed.
        for container in (try? await engine.listContainers(labels: mine)) ?? [] {
            try? await engine.removeContainer(container.id, force: true)
        }
        if let failure { throw failure }
    }
}
