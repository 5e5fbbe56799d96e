import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan diff` and `GET /api/v1/apps/{name}/diff` through the real binary and service: what a sync would
/// change, field by field, with `kubectl diff`'s exit codes, Secret values nowhere, and nothing applied.
@Suite(.serialized) struct DiffCLITests {
    /// The frontend reading the ConfigMap (envFrom) and the Secret `db` (env), so both feed its config checksum.
    static func files(secret: String, greeting: String = "hello") -> [String: String?] {
        let frontend = GuestbookManifests.deployment("frontend").replacingOccurrences(
            of: "          ports:\n",
            with: """
                          envFrom:
                            - configMapRef: {name: guestbook-config}
                          env:
                            - name: DB_PASSWORD
                              valueFrom: {secretKeyRef: {name: db, key: password}}
                          ports:

                """)
        return [
            "apps/guestbook/frontend.yaml": frontend + "\n---\n" + GuestbookManifests.service("frontend"),
            "apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: greeting),
            "apps/guestbook/db.yaml":
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \(secret)\n",
        ]
    }

    static let checksumLine = #"    spec.template.metadata.annotations["capstan.io/config-checksum"]: ""#

    static func diff(_ server: ServerHarness, _ arguments: String...) async throws -> CapstanBinary.Outcome {
        try await CapstanBinary.run(["diff"] + arguments + ["--server", server.baseURL])
    }

    static func started(_ files: [String: String?], prune: Bool = true) async throws -> (GitFixture, ServerHarness) {
        let git = try GitFixture()
        try git.commit(files, message: "Add guestbook")
        let server = try await ServerHarness.start(git: git) { $0.apps[0].definition.prune = prune }
        _ = try await server.waitForApp { $0[path: ["health", "status"]] == "Healthy" }
        return (git, server)
    }

    @Test(.timeLimit(.minutes(1))) func anImageChangeIsShownExitsOneAndIsNotApplied() async throws {
        let (git, server) = try await Self.started(GuestbookManifests.initial())
        try await server.stopping {
            let first = try #require(
                try await server.json("GET", "/api/v1/apps/guestbook")[path: ["sync", "revision"]]?.stringValue)
            let inSync = try await Self.diff(server, "guestbook")
            #expect(inSync.status == 0, "\(inSync.stdout)\(inSync.stderr)")
            #expect(inSync.stdout == "guestbook: in sync with \(first.prefix(7)) (main)\n")

            let next = try git.commit(
                [
                    "apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend", image: "nginx:1.28")
                        + "\n---\n" + GuestbookManifests.service("frontend")
                ], message: "nginx 1.28")
            let history = try await server.json("GET", "/api/v1/apps/guestbook/history")
            let text = try await Self.diff(server, "guestbook")
            #expect(text.status == 1, "\(text.stderr)")
            #expect(
                text.stdout == """
                    guestbook: 1 change to reach \(next.prefix(7)) (main)
                    ~ Deployment/default/frontend  (manifest changed, apps/guestbook/frontend.yaml:1)
                        spec.template.spec.containers[0].image: "nginx:1.27" → "nginx:1.28"

                    """)

            let json = try await Self.diff(server, "guestbook", "-o", "json")
            #expect(json.status == 1)
            let printed = try JSONParser.parse(json.stdout)
            #expect(printed == (try await server.json("GET", "/api/v1/apps/guestbook/diff")))
            #expect(printed[path: ["revision", "id"]] == .string(next))
            #expect(printed[path: ["liveRevision"]] == .string(first))
            let change = try #require(printed["changes"]?.arrayValue?.first)
            #expect(change["action"] == "update")
            #expect(change["reason"] == "manifestChanged")
            #expect(change[path: ["location", "file"]] == "apps/guestbook/frontend.yaml")
            #expect(change[path: ["differences"]]?.arrayValue?.first?["desired"] == #""nginx:1.28""#)

            // Nothing was applied or recorded, and the loop was not handed the new commit.
            let live = try await server.json("GET", "/api/v1/cluster/deployments/default/frontend")
            #expect(
                live[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"] == "nginx:1.27")
            #expect(try await server.json("GET", "/api/v1/apps/guestbook/history") == history)
            let app = try await server.json("GET", "/api/v1/apps/guestbook")
            #expect(app[path: ["sync", "revision"]] == .string(first))
            let unfetched = try await server.json("GET", "/api/v1/apps/guestbook/diff?fetch=false")
            #expect(unfetched[path: ["revision", "id"]] == .string(first))
            #expect(unfetched["changes"] == [])
            #expect(try await server.request("GET", "/api/v1/apps/guestbook/diff?fetch=maybe").status == 400)
        }
    }

    @Test(.timeLimit(.minutes(1))) func secretValuesNeverShowButTheirChangeDoes() async throws {
        let old = "canary-\(UUID().uuidString.lowercased())"
        let new = "canary-\(UUID().uuidString.lowercased())"
        let (git, server) = try await Self.started(Self.files(secret: old))
        try await server.stopping {
            try git.commit(Self.files(secret: new), message: "Rotate the password")
            let text = try await Self.diff(server, "guestbook")
            #expect(text.status == 1, "\(text.stderr)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("guestbook: 2 changes to reach ") == true)
            #expect(lines.contains("~ Secret/default/db  (manifest changed, apps/guestbook/db.yaml:1)"))
            #expect(lines.contains("    data.password: (secret value changed)"))
            #expect(lines.contains("~ Deployment/default/frontend  (manifest changed, apps/guestbook/frontend.yaml:1)"))
            #expect(lines.contains { $0.hasPrefix(Self.checksumLine) }, "\(text.stdout)")
            #expect(lines.count == 5, "\(text.stdout)")

            let json = try await Self.diff(server, "guestbook", "-o", "json")
            let api = try await server.request("GET", "/api/v1/apps/guestbook/diff")
            let outputs = [text.stdout, text.stderr, json.stdout, json.stderr, api.text]
            for value in [old, new, Data(old.utf8).base64EncodedString(), Data(new.utf8).base64EncodedString()] {
                #expect(outputs.allSatisfy { !$0.contains(value) }, "\(value)")
            }
            let secret = try JSONParser.parse(api.body)["changes"]?.arrayValue?.first {
                $0[path: ["key", "kind"]] == "Secret"
            }
            #expect(secret?["differences"] == [["path": "data.password", "kind": "changed", "isRedacted": true]])
        }
    }

    @Test(.timeLimit(.minutes(1))) func aConfigMapChangeShowsItsValuesAndTheChecksum() async throws {
        let (git, server) = try await Self.started(Self.files(secret: "s3cret-value"))
        try await server.stopping {
            try git.commit(Self.files(secret: "s3cret-value", greeting: "bonjour"), message: "Greeting")
            let text = try await Self.diff(server, "guestbook")
            #expect(text.status == 1, "\(text.stderr)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(
                lines.contains("~ ConfigMap/default/guestbook-config  (manifest changed, apps/guestbook/config.yaml:1)")
            )
            #expect(lines.contains(#"    data.GREETING: "hello" → "bonjour""#))
            #expect(lines.contains { $0.hasPrefix(Self.checksumLine) }, "\(text.stdout)")
            #expect(!lines.contains { $0.contains("Secret/") })
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [true, false])
    func aResourceRemovedFromGitIsADeleteOrAKeptPrune(prune: Bool) async throws {
        let (git, server) = try await Self.started(GuestbookManifests.initial(), prune: prune)
        try await server.stopping {
            try git.commit(
                ["apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend")], message: "No service")
            let text = try await Self.diff(server, "guestbook")
            #expect(text.status == 1, "\(text.stderr)")
            let line =
                prune
                ? "- Service/default/frontend  (removed from git)"
                : "! Service/default/frontend  (removed from git, kept: prune is off)"
            #expect(text.stdout.split(separator: "\n").dropFirst() == [Substring(line)], "\(text.stdout)")
            let diff = try await server.json("GET", "/api/v1/apps/guestbook/diff")
            #expect(diff[path: ["changes"]]?.arrayValue?.first?["action"] == (prune ? "delete" : "pruneSkipped"))
            #expect(try await server.request("GET", "/api/v1/cluster/services/default/frontend").status == 200)
        }
    }

    @Test(.timeLimit(.minutes(1))) func failuresExitTwoWithAMessageNamingTheCause() async throws {
        let (git, server) = try await Self.started(GuestbookManifests.initial())
        try await server.stopping {
            let unknown = try await Self.diff(server, "nope")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("app \"nope\" not found"), "\(unknown.stderr)")
            #expect(try await server.request("GET", "/api/v1/apps/nope/diff").status == 404)

            let history = try await server.json("GET", "/api/v1/apps/guestbook/history")
            let broken = try git.commit(
                [
                    "apps/guestbook/broken.yaml":
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n"
                ],
                message: "Break it")
            let failed = try await Self.diff(server, "guestbook")
            #expect(failed.status == 2)
            #expect(failed.stdout.isEmpty)
            #expect(
                failed.stderr.contains("app guestbook: revision \(broken.prefix(7)) does not render:"),
                "\(failed.stderr)")
            #expect(failed.stderr.contains("apps/guestbook/broken.yaml:5: "), "\(failed.stderr)")
            #expect(try await server.request("GET", "/api/v1/apps/guestbook/diff").status == 422)
            #expect(try await server.json("GET", "/api/v1/apps/guestbook/history") == history)
        }
        let unreachable = try await CapstanBinary.run(["diff", "guestbook", "--server", "http://127.0.0.1:1"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot reach the Capstan server"))
    }

    @Test(.timeLimit(.minutes(1))) func aRepositoryThatCannotBeReadIsAnError() async throws {
        let git = try GitFixture()
        let missing = "file:///nonexistent-\(UUID().uuidString)/remote.git"
        let server = try await ServerHarness.start(git: git) { $0.apps[0].definition.source.repo = missing }
        try await server.stopping {
            let failed = try await Self.diff(server, "guestbook")
            #expect(failed.status == 2)
            #expect(failed.stderr.hasPrefix("Error: app guestbook: cannot resolve main: "), "\(failed.stderr)")
            #expect(failed.stderr.contains(missing), "\(failed.stderr)")
            let status = try await server.request("GET", "/api/v1/apps/guestbook/diff").status
            #expect(status == 503)
        }
    }
}
