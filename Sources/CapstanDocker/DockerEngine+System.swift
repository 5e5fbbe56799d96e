import CapstanModel

extension DockerEngine {
    /// Checks that the daemon answers (`GET /_ping`).
    public func ping() async throws(DockerError) {
        _ = try await call("GET", "/_ping", what: "ping \(endpoint)")
    }

    /// The daemon's release and API versions (`GET /version`).
    public func version() async throws(DockerError) -> DockerVersion {
        let value = try await callJSON("GET", "/version", what: "read the version of \(endpoint)")
        return DockerVersion(
            version: value["Version"]?.stringValue ?? "", apiVersion: value["ApiVersion"]?.stringValue ?? "",
            minAPIVersion: value["MinAPIVersion"]?.stringValue ?? "", os: value["Os"]?.stringValue ?? "",
            arch: value["Arch"]?.stringValue ?? "")
    }

    /// The host's name, CPUs and memory (`GET /info`).
    public func info() async throws(DockerError) -> DockerSystemInfo {
        let what = "read the system info of \(endpoint)"
        let value = try await callJSON("GET", "/info", what: what)
        guard let cpus = value["NCPU"]?.intValue, let memory = value["MemTotal"]?.intValue else {
            throw DockerError.invalidResponse(what, "NCPU or MemTotal is missing")
        }
        return DockerSystemInfo(
            id: value["ID"]?.stringValue ?? "", name: value["Name"]?.stringValue ?? "",
            serverVersion: value["ServerVersion"]?.stringValue ?? "", cpus: cpus, memoryBytes: memory,
            operatingSystem: value["OperatingSystem"]?.stringValue ?? "",
            containers: value["Containers"]?.intValue ?? 0)
    }
}
