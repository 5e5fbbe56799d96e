import CapstanModel

/// Which files to decode and how, and the Kustomize or Helm folders that cannot be used yet.
struct ManifestFilePlan {
    struct Entry {
        var fileIndex: Int
        var kind: ManifestFileKind
    }

    private(set) var entries: [Entry] = []
    private(set) var problems: [ManifestProblem] = []

    init(files: [SourceFile]) {
        let kinds = files.map { ManifestFileKind(path: $0.path) }
        // Folders rendered by a tool are reported once; their other files are not read as manifests.
        var renderedFolders: [String] = []
        for (file, kind) in zip(files, kinds) {
            guard let message = kind.unsupportedMessage else { continue }
            problems.append(ManifestProblem(location: SourceLocation(file: file.path, line: 1), message: message))
            renderedFolders.append(Self.folder(of: file.path))
        }
        for (index, (file, kind)) in zip(files, kinds).enumerated() where kind == .yaml || kind == .json {
            let insideRendered = renderedFolders.contains { $0.isEmpty || file.path.hasPrefix($0 + "/") }
            if !insideRendered { entries.append(Entry(fileIndex: index, kind: kind)) }
        }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
