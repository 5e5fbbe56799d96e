import CapstanModel

extension DockerEngine {
    /// The containers carrying all `labels` (a nil value matches any value), in one call;
    /// `all` includes stopped ones.
    public func listContainers(labels: [String: String?], all: Bool = true) async throws(DockerError)
        -> [ContainerSummary]
    {
        var query = [("all", all ? "true" : "false")]
        if let filters = DockerQuery.labelFilters(labels) { query.append(("filters", filters)) }
        let what = "list containers"
        let value = try await callJSON("GET", "/containers/json", query: query, what: what)
        guard let rows = value.arrayValue else { throw DockerError.invalidResponse(what, "expected a JSON array") }
        return rows.compactMap(ContainerSummary.init(json:))
    }

    /// One container's state, labels, environment and host settings, by ID or name.
    public func inspectContainer(_ id: String) async throws(DockerError) -> ContainerDetails {
        let what = "inspect container \(Self.shortID(id))"
        let value = try await callJSON("GET", "/containers/\(Self.component(id))/json", what: what)
        guard let details = ContainerDetails(json: value) else {
            throw DockerError.invalidResponse(what, "the answer has no Id")
        }
        return details
    }

    /// Creates (does not start) the container `name`; returns its ID. The error names the container
    /// and gives the daemon's message, never the spec's environment.
    public func createContainer(name: String, spec: ContainerSpec) async throws(DockerError) -> String {
        let what = "create container \(name)"
        let value = try await callJSON(
            "POST", "/containers/create", query: [("name", name)], json: spec.json, what: what)
        guard let id = value["Id"]?.stringValue else { throw DockerError.invalidResponse(what, "the answer has no Id") }
        return id
    }

    /// Starts a created or stopped container; starting a running one does nothing.
    public func startContainer(_ id: String) async throws(DockerError) {
        _ = try await call(
            "POST", "/containers/\(Self.component(id))/start", accepting: [304],
            what: "start container \(Self.shortID(id))")
    }

    /// Sends the stop signal, waits up to `timeoutSeconds`, then kills; stopping a stopped one does nothing.
    public func stopContainer(_ id: String, timeoutSeconds: Int) async throws(DockerError) {
        let grace = max(0, timeoutSeconds)
        _ = try await call(
            "POST", "/containers/\(Self.component(id))/stop", query: [("t", String(grace))],
            timeout: timeouts.request + .seconds(grace), accepting: [304],
            what: "stop container \(Self.shortID(id))")
    }

    /// Sends `signal` (e.g. `SIGKILL`, `SIGHUP`) to the main process; fails with `conflict` when not running.
    public func killContainer(_ id: String, signal: String = "SIGKILL") async throws(DockerError) {
        _ = try await call(
            "POST", "/containers/\(Self.component(id))/kill", query: [("signal", signal)],
            what: "kill container \(Self.shortID(id)) with \(signal)")
    }

    /// Removes a container; `force` kills it first if running, `volumes` also removes its anonymous volumes.
    public func removeContainer(_ id: String, force: Bool = false, volumes: Bool = false) async throws(DockerError) {
        _ = try await call(
            "DELETE", "/containers/\(Self.component(id))",
            query: [("force", force ? "true" : "false"), ("v", volumes ? "true" : "false")],
            what: "remove container \(Self.shortID(id))")
    }

    /// A 64-digit ID shortened to Docker's 12 digits for messages; names unchanged.
    static func shortID(_ id: String) -> String {
        id.count == 64 && id.allSatisfy(\.isHexDigit) ? String(id.prefix(12)) : id
    }
}
