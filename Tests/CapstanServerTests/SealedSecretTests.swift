import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan seal` and SealedSecrets in git, through the real binary and service: the sealed file holds no
/// plaintext, the service opens it into the Secret, and a SealedSecret moved to another name fails its commit
/// with the file and resource named, applying nothing from it.
@Suite(.serialized) struct SealedSecretTests {
    @Test(.timeLimit(.minutes(1))) func aSealedSecretInGitBecomesTheSecret() async throws {
        let canary = "sealed-canary-\(UUID().uuidString.lowercased())"
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let server = try await ServerHarness.start(git: git)
        try await server.stopping {
            _ = try await server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            let cert = try await CapstanBinary.run(["seal", "--cert", "--server", server.baseURL])
            #expect(cert.status == 0, "\(cert.stderr)")
            #expect(cert.stdout.hasPrefix("-----BEGIN PUBLIC KEY-----"), "\(cert.stdout)")

            let secretFile = git.root.appendingPathComponent("secret.yaml")
            try
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n  namespace: default\nstringData:\n  token: \(canary)\n"
                .write(to: secretFile, atomically: true, encoding: .utf8)
            let sealed = try await CapstanBinary.run(["seal", "-f", secretFile.path, "--server", server.baseURL])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            #expect(sealed.stdout.contains("kind: SealedSecret"), "\(sealed.stdout)")
            #expect(!sealed.stdout.contains(canary))
            #expect(!sealed.stdout.contains(Data(canary.utf8).base64EncodedString()))

            let commit = try git.commit(["apps/guestbook/api-sealed.yaml": sealed.stdout], message: "Sealed token")
            let sync = try await CapstanBinary.run(["sync", "guestbook", "--server", server.baseURL])
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
            let key = ResourceKey(group: "", kind: "Secret", namespace: "default", name: "api")
            let secret = try #require(try await server.app.cluster.get([key])[key])
            let stored = secret.value[path: ["data", "token"]]?.stringValue.flatMap { Data(base64Encoded: $0) }
            #expect(stored == Data(canary.utf8))
            let shown = try await server.json("GET", "/api/v1/cluster/secrets/default/api")
            #expect(shown[path: ["data", "token"]]?.stringValue?.hasPrefix("<redacted") == true)

            // The same sealed document renamed: the whole commit fails, naming the file and the resource.
            let moved = sealed.stdout.replacingOccurrences(of: "name: api", with: "name: api-copy")
            try git.commit(
                [
                    "apps/guestbook/api-copy.yaml": moved,
                    "apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "must not be applied"),
                ], message: "Copy the sealed secret")
            let failed = try await CapstanBinary.run(["sync", "guestbook", "--server", server.baseURL])
            #expect(failed.status != 0)
            #expect(
                failed.stdout.contains("apps/guestbook/api-copy.yaml:1: SealedSecret default/api-copy: "),
                "\(failed.stdout)")
            #expect(failed.stdout.contains("sealed for another namespace and name"), "\(failed.stdout)")
            #expect(!failed.stdout.contains(canary) && !failed.stderr.contains(canary))
            let config = try await server.json("GET", "/api/v1/cluster/configmaps/default/guestbook-config")
            #expect(config[path: ["data", "GREETING"]] == "hello")
            let app = try await server.json("GET", "/api/v1/apps/guestbook")
            #expect(app[path: ["sync", "revision"]] == .string(commit))
        }
    }

    @Test func sealingRefusesWhatIsNotASecret() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-seal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cm.yaml")
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await CapstanBinary.run(["seal", "-f", file.path, "--server", "http://127.0.0.1:1"])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("\(file.path):1: expected apiVersion v1, kind Secret, found v1 ConfigMap"),
            "\(result.stderr)")
    }
}
