extension DockerEngine {
    /// Unpacks a tar archive (see `TarArchive`) into the existing directory `path` of a container
    /// (`PUT /containers/{id}/archive`); `notFound` when the container or the directory is missing.
    public func putArchive(_ containerID: String, path: String, tar: [UInt8]) async throws(DockerError) {
        _ = try await call(
            "PUT", "/containers/\(Self.component(containerID))/archive", query: [("path", path)], body: tar,
            contentType: "application/x-tar",
            what: "copy files to \(path) in container \(Self.shortID(containerID))")
    }
}
