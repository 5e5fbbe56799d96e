/// What a repository file is to the manifest decoder, judged by its path.
public enum ManifestFileKind: Sendable, Hashable {
    /// `.yaml` or `.yml`: a stream of YAML documents.
    case yaml
    /// `.json`: one JSON object.
    case json
    /// A Kustomize entry point (`kustomization.yaml`, `kustomization.yml`, `Kustomization`): not supported yet.
    case kustomization
    /// A Helm chart (`Chart.yaml`): not supported yet.
    case helmChart
    /// Anything else (README.md, hidden files and folders): not a manifest.
    case ignored

    /// Classifies a repository-relative path with `/` separators.
    public init(path: String) {
        let components = path.split(separator: "/")
        guard let name = components.last, !components.contains(where: { $0.hasPrefix(".") }) else {
            self = .ignored
            return
        }
        switch name {
        case "kustomization.yaml", "kustomization.yml", "Kustomization":
            self = .kustomization
            return
        case "Chart.yaml", "Chart.yml":
            self = .helmChart
            return
        default: break
        }
        let lowercased = name.lowercased()
        if lowercased.hasSuffix(".yaml") || lowercased.hasSuffix(".yml") {
            self = .yaml
        } else if lowercased.hasSuffix(".json") {
            self = .json
        } else {
            self = .ignored
        }
    }

    /// True for the kinds whose folder is rendered by a tool rather than applied file by file.
    var isRenderedFolder: Bool { self == .kustomization || self == .helmChart }

    /// Why a rendered folder cannot be used yet.
    var unsupportedMessage: String? {
        switch self {
        case .kustomization:
            return "Kustomize rendering is not supported yet; commit the output of `kustomize build` instead"
        case .helmChart:
            return "Helm chart rendering is not supported yet; commit the output of `helm template` instead"
        default:
            return nil
        }
    }
}
