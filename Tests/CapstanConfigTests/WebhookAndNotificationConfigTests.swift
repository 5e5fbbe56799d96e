import CapstanConfig
import CapstanModel
import Testing

/// `webhooks:`, `git:`, `notifications:`, `encryption:` and `autoRollback`: the full form, and each mistake at its line.
struct WebhookAndNotificationConfigTests {
    static let app = "apps:\n  - name: web\n    repo: file:///r\n"

    @Test func theFullFormIsRead() throws {
        let yaml = """
            webhooks:
              github: {secret: "gh"}
              gitlab: {secretFile: secrets/gitlab}
              maxBodyBytes: 65536
              readTimeout: 2s
            git:
              committer: {name: Capstan Bot, email: bot@example.com}
            encryption:
              keyFile: keys/ring.yaml
            notifications:
              - name: ops
                type: generic-hmac
                url: http://127.0.0.1:9000/hook
                secret: "n"
                events: [SyncSucceeded, RollbackPerformed]
                apps: [web]
                severity: error
              - name: chat
                type: slack
                url: https://hooks.slack.example/T/B/X
            apps:
              - name: web
                repo: file:///r
                autoRollback: true
            """
        let configuration = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/etc/capstan")
        #expect(
            configuration.webhooks.secrets == ["github": .inline("gh"), "gitlab": .file("/etc/capstan/secrets/gitlab")])
        #expect(configuration.webhooks.maxBodyBytes == 65536)
        #expect(configuration.webhooks.readTimeout == .seconds(2))
        #expect(configuration.committer == GitCommitter(name: "Capstan Bot", email: "bot@example.com"))
        #expect(
            configuration.notifications == [
                NotificationConfiguration(
                    name: "ops", type: "generic-hmac", url: "http://127.0.0.1:9000/hook", secret: .inline("n"),
                    events: [.syncSucceeded, .rollbackPerformed], apps: ["web"], severity: .error),
                NotificationConfiguration(name: "chat", type: "slack", url: "https://hooks.slack.example/T/B/X"),
            ])
        #expect(configuration.apps.first?.autoRollback == true)
        #expect(configuration.encryptionKeyFile == "/etc/capstan/keys/ring.yaml")
        #expect(!"\(configuration.webhooks.secrets["github"]!)".contains("gh"))
    }

    static let table: [(yaml: String, expected: String)] = [
        (
            "webhooks:\n  github: {}\n" + app,
            "c.yaml:2: webhooks.github: secret or secretFile is required"
        ),
        (
            "webhooks:\n  github: {secret: a, secretFile: b}\n" + app,
            "c.yaml:2: webhooks.github: set either secret or secretFile, not both"
        ),
        (
            "webhooks:\n  bitbucket: {secret: a}\n" + app,
            #"c.yaml:2: webhooks: unknown key "bitbucket""#
        ),
        (
            "webhooks:\n  maxBodyBytes: 10\n" + app,
            "c.yaml:2: webhooks.maxBodyBytes: must be from 1024 to 67108864 bytes"
        ),
        (
            "git:\n  committer: {name: Bot, email: nobody}\n" + app,
            #"c.yaml:2: git.committer.email: "nobody" is not an email address"#
        ),
        (
            "notifications:\n  - name: ops\n    type: email\n    url: http://127.0.0.1:1/\n" + app,
            #"c.yaml:3: notifications[0].type: unknown notification type "email" (use generic, generic-hmac or slack)"#
        ),
        (
            "notifications:\n  - name: ops\n    type: generic-hmac\n    url: http://127.0.0.1:1/\n" + app,
            "c.yaml:2: notifications[0]: secret or secretFile is required"
        ),
        (
            "notifications:\n  - name: ops\n    type: generic\n    url: ftp://x/\n" + app,
            "c.yaml:4: notifications[0].url: must be an http:// or https:// URL"
        ),
        (
            "notifications:\n  - name: ops\n    type: generic\n    url: http://x/\n    events: [Synced]\n" + app,
            #"c.yaml:5: notifications[0].events[0]: unknown event "Synced" (known: SyncSucceeded, SyncFailed, HealthDegraded, HealthRecovered, RolloutCompleted, RollbackPerformed, DriftCorrected, SourceError)"#
        ),
        (
            "notifications:\n  - name: ops\n    type: generic\n    url: http://x/\n    apps: [shop]\n" + app,
            #"c.yaml:5: notifications[0].apps[0]: no app is named "shop""#
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    autoRollback: yes please\n",
            "c.yaml:4: apps[0].autoRollback: expected a boolean (true or false), found a string"
        ),
    ]

    @Test(arguments: table)
    func mistakesAreReportedAtTheirLine(yaml: String, expected: String) throws {
        let error = #expect(throws: ConfigError.self) {
            try CapstanConfiguration.load(yaml: yaml, file: "c.yaml", baseDirectory: "/etc")
        }
        #expect(error?.description == expected)
    }

    @Test func aSlackURLIsNeverEchoed() throws {
        let yaml =
            "notifications:\n  - name: chat\n    type: slack\n    url: hooks.slack.example/T/B/SECRET\n" + Self.app
        let error = #expect(throws: ConfigError.self) {
            try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/")
        }
        #expect(error?.description.contains("SECRET") == false)
    }
}
