import CapstanModel
import CapstanYAML

extension ManifestDecoder {
    /// Kinds that a CustomResourceDefinition in the same set declares `scope: Cluster` lose the default
    /// namespace they were given; one written in the file is an error. (Built-in kinds were handled
    /// per file.)
    func applyCustomScopes(to decoded: inout [DecodedManifest]) -> [ManifestProblem] {
        let custom = Self.customClusterScopedKinds(in: decoded)
        guard !custom.isEmpty else { return [] }
        var problems: [ManifestProblem] = []
        for index in decoded.indices {
            let resource = decoded[index].manifest.resource
            guard custom.contains(GroupKind(group: resource.group, kind: resource.kind)) else { continue }
            if decoded[index].namespaceDefaulted {
                decoded[index].manifest.resource.namespace = ""
                decoded[index].namespaceDefaulted = false
            } else if !resource.namespace.isEmpty {
                let line = decoded[index].line(of: ["metadata", "namespace"])
                problems.append(
                    ManifestProblem(
                        location: SourceLocation(file: decoded[index].manifest.location.file, line: line),
                        message: "\(resource.kind) \(resource.name): \(ResourceValidator.clusterScopedNamespace)"))
            }
        }
        return problems
    }

    /// The kinds that CustomResourceDefinitions in the set declare with `spec.scope: Cluster`.
    static func customClusterScopedKinds(in decoded: [DecodedManifest]) -> Set<GroupKind> {
        var kinds: Set<GroupKind> = []
        for item in decoded where item.manifest.resource.kind == "CustomResourceDefinition" {
            let resource = item.manifest.resource
            guard resource.group == "apiextensions.k8s.io", let spec = resource.spec, spec["scope"] == "Cluster",
                let group = spec["group"]?.stringValue, let kind = spec[path: ["names", "kind"]]?.stringValue,
                !ResourceScope.isClusterScoped(group: group, kind: kind)
            else { continue }
            kinds.insert(GroupKind(group: group, kind: kind))
        }
        return kinds
    }
}
