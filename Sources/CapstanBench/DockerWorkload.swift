import Foundation

/// The workload of the Docker comparison: `services` single-container services of one image running one
/// command, written once as Deployments of 1 replica (a git repository Capstan syncs) and once as a compose
/// file (docker-compose's project). No probes, no ports, host networking and an init process on both sides.
struct DockerWorkload: Sendable {
    let services: Int
    let image: String
    let command: [String]

    /// `svc-01`, `svc-02`, …: the Deployments' and the compose services' names.
    var names: [String] {
        let width = String(services).count
        return (1...services).map { "svc-" + String(repeating: "0", count: width - String($0).count) + String($0) }
    }

    /// One file per Deployment under `apps/`, namespace `default`.
    var manifests: [String: String] {
        let command = self.command.map { "\"\($0)\"" }.joined(separator: ", ")
        var files: [String: String] = [:]
        for name in names {
            files["apps/\(name).yaml"] = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  labels: {app: \(name)}
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: \(name)}
                  template:
                    metadata:
                      labels: {app: \(name)}
                    spec:
                      containers:
                        - name: main
                          image: \(image)
                          command: [\(command)]

                """
        }
        return files
    }

    /// The same services for docker-compose 1.29 (file format 2.4: `init` and `network_mode`).
    var composeFile: String {
        let command = self.command.map { "\"\($0)\"" }.joined(separator: ", ")
        let services = names.map { name in
            """
              \(name):
                image: \(image)
                command: [\(command)]
                network_mode: host
                init: true
            """
        }
        return "version: \"2.4\"\nservices:\n" + services.joined(separator: "\n") + "\n"
    }

    /// A bare repository under `root` holding the manifests in one commit on `main`; returns its `file://` URL.
    func makeRepository(in root: URL) throws -> String {
        let workspace = try GitWorkspace(root: root)
        _ = try workspace.commit(manifests, message: "\(services) services")
        try workspace.push()
        return workspace.url
    }
}
