import CapstanConfig
import Testing

/// A complete configuration reads into the expected values; a minimal one gets every default.
struct FullConfigurationTests {
    static let full = """
        server:
          listen: "[::1]:8080"
        stateDir: /var/lib/capstan
        logLevel: debug
        simulated:
          timeScale: 10
          startDelay: 500ms
          nodes:
            - {name: node-a, cpu: "8", memory: 16Gi, pods: 50, labels: {zone: a}, taints: []}
            - name: node-b
              cpu: 3500m
              taints:
                - {key: dedicated, value: gpu, effect: NoSchedule}
        apps:
          - name: guestbook
            repo: https://git.example.com/org/guestbook.git
            ref: release-1
            path: ./deploy/prod/
            namespace: shop
            interval: 30s
            prune: true
            selfHeal: yes
            autoSync: false
            backend: simulated
            credentials:
              username: deploy
              password: hunter2
          - name: tools
            repo: git@github.com:org/tools.git
        """

    @Test func fullExample() throws {
        let configuration = try CapstanConfiguration.load(yaml: Self.full, baseDirectory: "/etc/capstan")
        #expect(configuration.server.listen == ListenAddress(host: "::1", port: 8080))
        #expect(configuration.stateDirectory == "/var/lib/capstan")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.simulated.timeScale == 10)
        #expect(configuration.simulated.startDelay == .milliseconds(500))
        #expect(configuration.simulated.nodes.map(\.name) == ["node-a", "node-b"])
        #expect(configuration.simulated.nodes[0].cpu.milliValue == 8000)
        #expect(configuration.simulated.nodes[0].memory.value == 16 * 1024 * 1024 * 1024)
        #expect(configuration.simulated.nodes[0].pods == 50)
        #expect(configuration.simulated.nodes[0].labels == ["zone": "a"])
        #expect(configuration.simulated.nodes[1].cpu.milliValue == 3500)
        #expect(configuration.simulated.nodes[1].memory.description == "8Gi")
        #expect(
            configuration.simulated.nodes[1].taints == [NodeTaint(key: "dedicated", value: "gpu", effect: .noSchedule)])
        let app = try #require(configuration.apps.first)
        #expect(
            app
                == AppConfiguration(
                    name: "guestbook", repo: "https://git.example.com/org/guestbook.git", ref: "release-1",
                    path: "deploy/prod",
                    namespace: "shop", interval: .seconds(30), prune: true, selfHeal: true, autoSync: false,
                    backend: .simulated,
                    credentials: RepositoryCredentials(username: "deploy", password: "hunter2")))
        #expect(configuration.apps[1] == AppConfiguration(name: "tools", repo: "git@github.com:org/tools.git"))
    }

    @Test func credentialsDescriptionHidesThePassword() throws {
        let configuration = try CapstanConfiguration.load(yaml: Self.full, baseDirectory: "/etc/capstan")
        let description = String(describing: configuration.apps[0].credentials!)
        #expect(!description.contains("hunter2"))
        #expect(description.contains("<redacted>"))
    }

    @Test func minimalConfigurationGetsDefaults() throws {
        let yaml = "apps:\n  - name: web\n    repo: file:///srv/git/web\n"
        let configuration = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/etc/capstan")
        #expect(configuration.server.listen.description == "127.0.0.1:7070")
        #expect(configuration.stateDirectory == "/etc/capstan/.capstan")
        #expect(configuration.logLevel == .info)
        #expect(configuration.simulated == SimulatedConfiguration())
        #expect(configuration.simulated.timeScale == 1)
        #expect(configuration.simulated.startDelay == .seconds(2))
        #expect(configuration.simulated.nodes.map(\.name) == ["node-1", "node-2", "node-3"])
        #expect(
            configuration.simulated.nodes.allSatisfy {
                $0.cpu.description == "4" && $0.memory.description == "8Gi" && $0.pods == 110
            })
        let app = try #require(configuration.apps.first)
        #expect(app.ref == "main")
        #expect(app.path == ".")
        #expect(app.namespace == "default")
        #expect(app.interval == .seconds(180))
        #expect(app.prune == false)
        #expect(app.selfHeal == false)
        #expect(app.autoSync == true)
        #expect(app.backend == .simulated)
        #expect(app.credentials == nil)
    }

    @Test func anchorsAndMergeKeysWork() throws {
        let yaml = """
            apps:
              - &base {name: a, repo: "file:///r", interval: 10s, prune: true}
              - <<: *base
                name: b
            """
        let configuration = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/x")
        #expect(configuration.apps.map(\.name) == ["a", "b"])
        #expect(configuration.apps[1].interval == .seconds(10))
        #expect(configuration.apps[1].prune)
    }
}

/// The Docker section with its defaults and every field.
struct DockerConfigurationTests {
    @Test func hostsAsURLsOrMappingsWithDefaultsFilledIn() throws {
        let yaml = """
            docker:
              hosts:
                - unix:///run/docker.sock
                - {name: edge, host: "tcp://10.0.0.5:2376", caFile: ca.pem, certFile: cert.pem, keyFile: key.pem}
              portRange: 31000-31999
              podEvictionTimeout: 30s
            apps:
              - {name: web, repo: "file:///r", backend: docker}
            """
        let configuration = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/etc/capstan")
        let docker = try #require(configuration.docker)
        #expect(docker.hosts.map(\.name) == ["docker-1", "edge"])
        #expect(docker.hosts[0].host == "unix:///run/docker.sock" && docker.hosts[0].caFile == nil)
        #expect(docker.hosts[1].caFile == "/etc/capstan/ca.pem" && docker.hosts[1].keyFile == "/etc/capstan/key.pem")
        #expect(docker.portRange == 31_000...31_999)
        #expect(docker.podEvictionTimeout == .seconds(30) && docker.driftCheckInterval == .seconds(30))
        #expect(docker.serviceAddress == "127.0.0.1")
        #expect(configuration.apps[0].backend == .docker)
        #expect(docker.volumeDirectory == nil && docker.pruneVolumes == false)
    }

    @Test func volumeDirectoryAndPruneVolumes() throws {
        let yaml = """
            docker:
              hosts: [unix:///run/docker.sock]
              volumeDirectory: run/volumes
              pruneVolumes: true
            apps:
              - {name: web, repo: "file:///r", backend: docker}
            """
        let docker = try #require(CapstanConfiguration.load(yaml: yaml, baseDirectory: "/etc/capstan").docker)
        #expect(docker.volumeDirectory == "/etc/capstan/run/volumes")
        #expect(docker.pruneVolumes)
    }
}
