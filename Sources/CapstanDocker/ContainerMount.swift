/// A mount of a container: a named volume, a tmpfs or a host directory (`HostConfig.Mounts`).
public struct ContainerMount: Sendable, Hashable {
    /// What is mounted.
    public enum Kind: String, Sendable, Hashable {
        case volume, tmpfs, bind
    }

    /// What is mounted.
    public var kind: Kind
    /// The volume name or host path; nil for tmpfs.
    public var source: String?
    /// The path inside the container.
    public var target: String
    /// Mounted read-only.
    public var readOnly: Bool
    /// The tmpfs size limit in bytes (tmpfs only; nil for the kernel's default of half the memory).
    public var tmpfsSizeBytes: Int?
    /// The tmpfs root's permission bits, e.g. `0o755` (tmpfs only).
    public var tmpfsMode: Int?

    public init(
        kind: Kind, source: String? = nil, target: String, readOnly: Bool = false, tmpfsSizeBytes: Int? = nil,
        tmpfsMode: Int? = nil
    ) {
        self.kind = kind
        self.source = source
        self.target = target
        self.readOnly = readOnly
        self.tmpfsSizeBytes = tmpfsSizeBytes
        self.tmpfsMode = tmpfsMode
    }

    /// The named volume `name` at `target` (created by the daemon if missing).
    public static func volume(_ name: String, at target: String, readOnly: Bool = false) -> ContainerMount {
        ContainerMount(kind: .volume, source: name, target: target, readOnly: readOnly)
    }

    /// A tmpfs at `target`.
    public static func tmpfs(at target: String, sizeBytes: Int? = nil, mode: Int? = nil) -> ContainerMount {
        ContainerMount(kind: .tmpfs, target: target, tmpfsSizeBytes: sizeBytes, tmpfsMode: mode)
    }

    /// The host path `path` at `target`.
    public static func bind(_ path: String, at target: String, readOnly: Bool = false) -> ContainerMount {
        ContainerMount(kind: .bind, source: path, target: target, readOnly: readOnly)
    }
}
