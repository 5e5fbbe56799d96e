import CapstanDocker
import CapstanHTTPClient
import CapstanModel

/// Runs one probe (`httpGet`, `tcpSocket` or `exec`) against a container on the host network: HTTP and TCP to
/// 127.0.0.1 on the port the convention gives (`ContainerPorts`), exec inside the container. Any other
/// outcome than success — refused, timed out, 4xx/5xx, non-zero exit — is a failure.
struct ProbeRunner: Sendable {
    let engine: DockerEngine
    let http: CurlHTTPClient
    let host: String

    func run(_ probe: Value, container: Value, containerID: String, podPort: Int) async -> Bool {
        let timeout = Duration.seconds(ProbeSettings(probe).timeoutSeconds)
        if let get = probe["httpGet"] {
            guard let port = ContainerPorts.resolve(get["port"], container: container, podPort: podPort) else {
                return false
            }
            let path = get["path"]?.stringValue ?? "/"
            var request = HTTPRequest(url: "http://\(host):\(port)\(path.hasPrefix("/") ? path : "/" + path)")
            request.timeout = timeout
            request.connectTimeout = timeout
            guard let response = try? await http.send(request) else { return false }
            return (200..<400).contains(response.status)
        }
        if let socket = probe["tcpSocket"] {
            guard let port = ContainerPorts.resolve(socket["port"], container: container, podPort: podPort) else {
                return false
            }
            return await TCPConnectCheck.canConnect(host: host, port: port, timeout: timeout)
        }
        if let command = probe[path: ["exec", "command"]]?.arrayValue?.compactMap(\.stringValue), !command.isEmpty {
            let result = try? await engine.exec(containerID, command: command, timeout: timeout)
            return result?.exitCode == 0
        }
        return false
    }
}
