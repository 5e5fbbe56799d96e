import CapstanConfig
import Testing

/// Each mistake gives exactly this message, at the line of the offending key, naming its path.
struct ConfigErrorTests {
    static let app = "apps:\n  - name: web\n    repo: file:///r\n"

    static let table: [(yaml: String, expected: String)] = [
        (
            "apps:\n  - name: web\n    repo: file:///r\n    interval: 30x\n",
            #"config/capstan.yaml:4: apps[0].interval: invalid duration "30x" (use e.g. 30s, 5m, 1h)"#
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    interval: 500ms\n",
            "config/capstan.yaml:4: apps[0].interval: must be at least 1s"
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    intervall: 1m\n",
            #"config/capstan.yaml:4: apps[0]: unknown key "intervall" (did you mean "interval"?)"#
        ),
        (
            "stateDirectory: x\n" + app,
            #"config/capstan.yaml:1: unknown key "stateDirectory" (did you mean "stateDir"?)"#
        ),
        ("colour: blue\n" + app, #"config/capstan.yaml:1: unknown key "colour""#),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    prune: maybe\n",
            "config/capstan.yaml:4: apps[0].prune: expected a boolean (true or false), found a string"
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    prune: \"true\"\n",
            "config/capstan.yaml:4: apps[0].prune: expected a boolean (true or false), found a string"
        ),
        ("apps:\n  - name: web\n", #"config/capstan.yaml:2: apps[0]: missing required key "repo""#),
        ("apps:\n  - repo: file:///r\n", #"config/capstan.yaml:2: apps[0]: missing required key "name""#),
        ("logLevel: info\n", #"config/capstan.yaml:1: missing required key "apps""#),
        ("", #"config/capstan.yaml:1: missing required key "apps""#),
        ("apps: []\n", "config/capstan.yaml:1: apps: at least one app is required"),
        ("apps:\n  name: web\n", "config/capstan.yaml:2: apps: expected a list, found a mapping"),
        (
            "apps:\n  - name: web\n    repo: file:///a\n  - name: api\n    repo: file:///b\n  - name: web\n    repo: file:///c\n",
            #"config/capstan.yaml:6: apps[2].name: duplicate app name "web" (also at line 2)"#
        ),
        (
            "apps:\n  - name: Web_1\n    repo: file:///r\n",
            #"config/capstan.yaml:2: apps[0].name: "Web_1" is not a valid app name (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit)"#
        ),
        (
            "server:\n  listen: localhost\n" + app,
            #"config/capstan.yaml:2: server.listen: invalid listen address "localhost" (use host:port, e.g. 127.0.0.1:7070 or [::1]:7070)"#
        ),
        (
            "server:\n  listen: ::1:7070\n" + app,
            #"config/capstan.yaml:2: server.listen: invalid listen address "::1:7070" (use host:port, e.g. 127.0.0.1:7070 or [::1]:7070)"#
        ),
        (
            "server:\n  listen: 127.0.0.1:70000\n" + app,
            #"config/capstan.yaml:2: server.listen: invalid listen address "127.0.0.1:70000" (use host:port, e.g. 127.0.0.1:7070 or [::1]:7070)"#
        ),
        ("simulated:\n  timeScale: 0\n" + app, "config/capstan.yaml:2: simulated.timeScale: must be greater than 0"),
        ("simulated:\n  timeScale: -2.5\n" + app, "config/capstan.yaml:2: simulated.timeScale: must be greater than 0"),
        (
            "simulated:\n  startDelay: soon\n" + app,
            #"config/capstan.yaml:2: simulated.startDelay: invalid duration "soon" (use e.g. 30s, 5m, 1h)"#
        ),
        (
            "logLevel: verbose\n" + app,
            #"config/capstan.yaml:1: logLevel: unknown log level "verbose" (use trace, debug, info, notice, warning or error)"#
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    backend: docker\n",
            "config/capstan.yaml:1: an app uses backend docker, but there is no docker section "
                + "(docker: {hosts: [unix:///var/run/docker.sock]})"
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    backend: k8s\n",
            #"config/capstan.yaml:4: apps[0].backend: unknown backend "k8s" (use "simulated" or "docker")"#
        ),
        (
            "docker:\n  hosts: [http://127.0.0.1:2375]\n" + app,
            "config/capstan.yaml:2: docker.hosts[0]: a Docker host is unix:///path/to/docker.sock or tcp://host:port"
        ),
        (
            "docker:\n  hosts: []\n" + app,
            "config/capstan.yaml:2: docker.hosts: at least one Docker host is required (e.g. unix:///var/run/docker.sock)"
        ),
        (
            "docker:\n  hosts: [unix:///d.sock]\n  portRange: 80-90\n" + app,
            "config/capstan.yaml:3: docker.portRange: must be LOW-HIGH with 1024 <= LOW < HIGH <= 65535, e.g. 30000-32767"
        ),
        (
            "docker:\n  hosts:\n    - {host: tcp://h:2376, caFile: ca.pem}\n" + app,
            "config/capstan.yaml:3: docker.hosts[0]: caFile, certFile and keyFile go together"
        ),
        (
            "apps:\n  - name: web\n    repo: ftp://host/r\n",
            #"config/capstan.yaml:3: apps[0].repo: unsupported repository URL scheme "ftp" (use file://, http://, https://, ssh:// or git@host:path)"#
        ),
        (
            "apps:\n  - name: web\n    repo: file://relative/r\n",
            "config/capstan.yaml:3: apps[0].repo: a file:// URL needs an absolute path (file:///path); write a relative path without file://"
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    path: ../other\n",
            "config/capstan.yaml:4: apps[0].path: must be a folder inside the repository (relative, without '..')"
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    namespace: Shop\n",
            #"config/capstan.yaml:4: apps[0].namespace: "Shop" is not a valid namespace (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit)"#
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    credentials:\n      password: a\n      passwordFile: /p\n",
            "config/capstan.yaml:5: apps[0].credentials: set either password or passwordFile, not both"
        ),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    credentials:\n      pasword: a\n",
            #"config/capstan.yaml:5: apps[0].credentials: unknown key "pasword" (did you mean "password"?)"#
        ),
        (
            "simulated:\n  nodes:\n    - {name: n1, memory: 8GB}\n" + app,
            #"config/capstan.yaml:3: simulated.nodes[0].memory: invalid quantity "8GB" (use e.g. 8Gi, 512Mi, 1G)"#
        ),
        (
            "simulated:\n  nodes:\n    - {name: n1, cpu: 4 cores}\n" + app,
            #"config/capstan.yaml:3: simulated.nodes[0].cpu: invalid quantity "4 cores" (use e.g. 4, 500m)"#
        ),
        (
            "simulated:\n  nodes:\n    - {name: n1, cpu: 0}\n" + app,
            "config/capstan.yaml:3: simulated.nodes[0].cpu: must be greater than 0"
        ),
        (
            "simulated:\n  nodes:\n    - {name: n1, taints: [{key: k, effect: Never}]}\n" + app,
            #"config/capstan.yaml:3: simulated.nodes[0].taints[0].effect: unknown taint effect "Never" (use NoSchedule, PreferNoSchedule or NoExecute)"#
        ),
        (
            "simulated:\n  nodes:\n    - {name: n1}\n    - {name: n1}\n" + app,
            #"config/capstan.yaml:4: simulated.nodes[1].name: duplicate node name "n1" (also at line 3)"#
        ),
        ("simulated:\n  nodes: []\n" + app, "config/capstan.yaml:2: simulated.nodes: at least one node is required"),
        (
            "simulated:\n  nodes: {count: 0}\n" + app,
            "config/capstan.yaml:2: simulated.nodes.count: must be between 1 and 1000"
        ),
        (
            "simulated:\n  nodes: {cont: 2}\n" + app,
            #"config/capstan.yaml:2: simulated.nodes: unknown key "cont" (did you mean "count"?)"#
        ),
        (
            "simulated:\n  nodes: 3\n" + app,
            "config/capstan.yaml:2: simulated.nodes: expected a list of nodes or a mapping {count, cpu, memory, pods}, found a number"
        ),
        ("- a\n- b\n", "config/capstan.yaml:1: expected a mapping, found a list"),
        (
            "apps: [\n",
            "config/capstan.yaml:2: did not find expected node content (while parsing a flow node at line 2)"
        ),
        (app + "---\n" + app, "config/capstan.yaml:5: the file must hold a single YAML document"),
        (
            "apps:\n  - name: web\n    repo: file:///r\n    prune: true\n    prune: false\n",
            #"config/capstan.yaml:5: duplicate mapping key "prune""#
        ),
    ]

    @Test(arguments: table)
    func configurationError(yaml: String, expected: String) throws {
        let error = #expect(throws: ConfigError.self) {
            try CapstanConfiguration.load(yaml: yaml, file: "config/capstan.yaml", baseDirectory: "/etc/capstan")
        }
        #expect(error?.description == expected)
        #expect(error?.isRetryable == false)
    }

    @Test func allProblemsAreCollectedInFileOrder() throws {
        let yaml = """
            logLevel: loud
            server:
              listen: nowhere
            apps:
              - name: web
                repo: file:///r
                interval: 30x
                prune: 1
              - name: web
                repo: file:///r
            """
        let error = #expect(throws: ConfigError.self) {
            try CapstanConfiguration.load(yaml: yaml, file: "c.yaml", baseDirectory: "/etc")
        }
        #expect(error?.problems.map(\.line) == [1, 3, 7, 8, 9])
        #expect(
            error?.problems.map(\.path) == [
                "logLevel", "server.listen", "apps[0].interval", "apps[0].prune", "apps[1].name",
            ])
    }

    @Test func passwordIsNeverEchoed() throws {
        let canary = "CANARY-p4ss"
        let inputs = [
            "apps:\n  - name: web\n    repo: file:///r\n    credentials: {password: \(canary), passwordFile: /x}\n",
            "apps:\n  - name: web\n    repo: https://user:\(canary)@host/r.git\n    bad: 1\n",
            "apps:\n  - name: web\n    repo: ftp://user:\(canary)@host/r.git\n",
            "apps:\n  - name: web\n    repo: file:///r\n    credentials: {password: [\(canary)]}\n",
        ]
        for input in inputs {
            let error = #expect(throws: ConfigError.self) {
                try CapstanConfiguration.load(yaml: input, baseDirectory: "/")
            }
            #expect(error.map { !$0.description.contains(canary) } == true)
        }
    }

    @Test func unreadableFile() throws {
        let error = #expect(throws: ConfigError.self) {
            try CapstanConfiguration.load(path: "/nonexistent/capstan-test/capstan.yaml")
        }
        #expect(error?.problems.first?.line == nil)
        #expect(
            error?.description
                == "/nonexistent/capstan-test/capstan.yaml: cannot read the file: the file does not exist")
    }
}
