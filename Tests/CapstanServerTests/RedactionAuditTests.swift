import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// Canary values in a Secret and a ConfigMap, committed, synced, changed, broken and restored through a real
/// `capstan serve` with debug logs and a notification receiver: the Secret values are nowhere — not in the state
/// directory's bytes, the logs, any API response or CLI output, nor any notification — and the ConfigMap values
/// only in the answers where a user asked for the ConfigMap or a diff.
@Suite(.serialized) struct RedactionAuditTests {
    static func secretManifest(password: String, token: String) -> String {
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        type: Opaque
        stringData:
          password: \(password)
        data:
          token: \(Data(token.utf8).base64EncodedString())
        """
    }

    /// A Deployment that takes the ConfigMap as env, one Secret key as env and the Secret as a volume.
    static let api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
                - name: api
                  image: nginx:1.27
                  envFrom:
                    - configMapRef: {name: guestbook-config}
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: db, key: password}
                  volumeMounts:
                    - {name: creds, mountPath: /etc/creds}
              volumes:
                - name: creds
                  secret: {secretName: db}
        """

    @Test(.timeLimit(.minutes(3))) func canariesAppearNowhereButWhereAUserAskedForAConfigMap() async throws {
        var canaries = Canaries()
        let git = try GitFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = GuestbookManifests.initial()
        files["apps/guestbook/api.yaml"] = Self.api
        files["apps/guestbook/secret.yaml"] = Self.secretManifest(password: canaries.secret(), token: canaries.secret())
        files["apps/guestbook/config.yaml"] = GuestbookManifests.configMap(greeting: canaries.config())
        try git.commit(files, message: "Guestbook with an API that uses a Secret and a ConfigMap")

        let receiver = try await NotificationReceiver.start(in: folder)
        let service = try await ServeProcess(
            folder: folder,
            configuration: """
                stateDir: state
                logLevel: debug
                notifications:
                  - {name: audit, type: generic, url: "\(receiver.baseURL)/hook"}
                apps:
                  - {name: guestbook, repo: "\(git.url)", path: apps/guestbook}
                """)
        var outputs: [(what: String, text: String)] = []
        func capstan(_ arguments: String...) async throws -> CapstanBinary.Outcome {
            let outcome = try await CapstanBinary.run(arguments + ["--server", service.baseURL])
            outputs.append((arguments.joined(separator: " "), outcome.stdout + outcome.stderr))
            return outcome
        }
        func waitForFailure(of commit: String) async throws {
            try await service.waitForApp("guestbook") {
                $0[path: ["lastSync", "revision"]]?.stringValue == commit
                    && $0[path: ["lastSync", "result"]] == "Failed"
            }
        }

        do {
            try await service.waitForApp("guestbook") { $0[path: ["rollout", "state"]] == "Healthy" }

            // A new value of each: the Deployment rolls out (its config checksum changed).
            let password = canaries.secret()
            let token = canaries.secret()
            let greeting = canaries.config()
            files["apps/guestbook/secret.yaml"] = Self.secretManifest(password: password, token: token)
            files["apps/guestbook/config.yaml"] = GuestbookManifests.configMap(greeting: greeting)
            try git.commit(files, message: "New password and greeting")
            let diff = try await capstan("diff", "guestbook")
            #expect(diff.status == 1 && diff.stdout.contains("data.password: (secret value changed)"), "\(diff)")
            _ = try await capstan("diff", "guestbook", "-o", "json")
            try await service.text("GET", "/api/v1/apps/guestbook/diff")
            let sync = try await capstan("sync", "guestbook", "--wait")
            #expect(sync.status == 0, "\(sync.stderr)")

            // Broken on purpose: bad base64 in a Secret (the error names the key), then a YAML syntax error
            // inside a Secret's value.
            var broken = files
            broken["apps/guestbook/secret.yaml"] =
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  token: \"\(canaries.secret())!!\"\n"
            let badBase64 = try git.commit(broken, message: "Bad base64")
            _ = try await capstan("sync", "guestbook")
            try await waitForFailure(of: badBase64)
            let failure = try await service.json("/api/v1/apps/guestbook")
            #expect(failure[path: ["lastSync", "message"]]?.stringValue?.contains("data.token") == true)
            broken["apps/guestbook/secret.yaml"] =
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \"\(canaries.secret())\n"
            let badYAML = try git.commit(broken, message: "Bad YAML")
            _ = try await capstan("sync", "guestbook")
            try await waitForFailure(of: badYAML)
            try git.commit(files, message: "Fix the Secret")
            #expect(try await capstan("sync", "guestbook", "--wait").status == 0)

            // Everything a user can look at, through the API and the CLI.
            for path in [
                "/api/v1/apps", "/api/v1/apps/guestbook", "/api/v1/apps/guestbook/history?limit=100",
                "/api/v1/notifications", "/api/v1/sealing/cert", "/api/v1/cluster/secrets",
                "/api/v1/cluster/secrets/default/db", "/api/v1/cluster/secrets/default/db/events",
                "/api/v1/cluster/deployments", "/api/v1/cluster/deployments/default/api",
                "/api/v1/cluster/replicasets", "/api/v1/cluster/pods", "/api/v1/cluster/events",
            ] {
                try await service.text("GET", path)
            }
            let pods = try await service.json("/api/v1/cluster/pods?namespace=default")
            let podNames = (pods["items"]?.arrayValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue }
            let apiPod = try #require(podNames.first { $0.hasPrefix("api-") }, "\(podNames)")
            try await service.text("GET", "/api/v1/cluster/pods/default/\(apiPod)")
            for arguments in [
                ["apps"], ["app", "guestbook"], ["history", "guestbook"], ["get", "secrets", "-o", "yaml"],
                ["get", "secrets", "db", "-o", "json"], ["describe", "secret", "default/db"],
                ["describe", "deployment", "default/api"], ["describe", "pod", "default/\(apiPod)"],
                ["get", "pods", "-o", "yaml"], ["get", "events"],
            ] {
                let outcome = try await CapstanBinary.run(arguments + ["--server", service.baseURL])
                outputs.append((arguments.joined(separator: " "), outcome.stdout + outcome.stderr))
            }
            // Where a user asks for the ConfigMap, its value is shown: the scan below would see it.
            let config = try await service.text("GET", "/api/v1/cluster/configmaps/default/guestbook-config")
            #expect(config.contains(greeting))
            let described = try await capstan("describe", "configmap", "default/guestbook-config")
            #expect(described.stdout.contains(greeting))
            let secret = try await service.json("/api/v1/cluster/secrets/default/db")
            #expect(secret[path: ["data", "password"]] == .string("<redacted, \(password.utf8.count) bytes>"))
        } catch {
            _ = try? await service.stop()
            throw error
        }
        let notifications = await receiver.waitForRequests(3)
        #expect(try await service.stop() == 0)
        await receiver.stop()

        let log = service.log
        #expect(log.contains("guestbook") && log.contains("debug"), "the log must not be empty: \(log.prefix(500))")
        #expect(notifications.count >= 3, "every sync and failure notifies")
        let allCanaries = canaries.secrets + canaries.configs
        #expect(Canaries.found(allCanaries, under: folder.appendingPathComponent("state")) == [])
        #expect(Canaries.found(allCanaries, in: Data(log.utf8)) == [], "in the service's log")
        for request in notifications {
            #expect(Canaries.found(allCanaries, in: Data(request.body)) == [], "in notification \(request.bodyText)")
        }
        for (path, text) in service.received() {
            let asked = path.contains("/configmaps") || path.hasSuffix("/diff")
            let forbidden = asked ? canaries.secrets : allCanaries
            #expect(Canaries.found(forbidden, in: Data(text.utf8)) == [], "in the answer to GET \(path)")
        }
        for (command, text) in outputs {
            let asked = command.contains("configmap") || command.hasPrefix("diff")
            let forbidden = asked ? canaries.secrets : allCanaries
            #expect(Canaries.found(forbidden, in: Data(text.utf8)) == [], "in the output of capstan \(command)")
        }
    }
}
