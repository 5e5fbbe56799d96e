import CapstanModel

extension DockerEngine {
    /// Creates the local volume `name` with `labels`; creating an existing one returns it unchanged.
    public func createVolume(_ name: String, labels: [String: String] = [:]) async throws(DockerError) -> DockerVolume {
        let what = "create volume \(name)"
        let value = try await callJSON(
            "POST", "/volumes/create",
            json: ["Name": .string(name), "Driver": "local", "Labels": .object(labels.mapValues(Value.string))],
            what: what)
        guard let volume = DockerVolume(json: value) else { throw DockerError.invalidResponse(what, "no Name") }
        return volume
    }

    /// The volumes carrying all `labels` (a nil value matches any value).
    public func listVolumes(labels: [String: String?]) async throws(DockerError) -> [DockerVolume] {
        var query: [(String, String)] = []
        if let filters = DockerQuery.labelFilters(labels) { query.append(("filters", filters)) }
        let value = try await callJSON("GET", "/volumes", query: query, what: "list volumes")
        return value["Volumes"]?.arrayValue?.compactMap(DockerVolume.init(json:)) ?? []
    }

    /// Removes a volume; `conflict` while a container uses it, `notFound` when absent.
    public func removeVolume(_ name: String, force: Bool = false) async throws(DockerError) {
        _ = try await call(
            "DELETE", "/volumes/\(Self.component(name))", query: [("force", force ? "true" : "false")],
            what: "remove volume \(name)")
    }
}
