import CapstanManifests
import CapstanModel
import Testing

/// Namespaced kinds get the default namespace; cluster-scoped kinds must not carry one.
struct NamespaceDefaultingTests {
    static let kinds: [(apiVersion: String, kind: String, expectedNamespace: String)] = [
        ("apps/v1", "Deployment", "team-a"), ("v1", "ConfigMap", "team-a"), ("v1", "Namespace", ""),
        ("v1", "Node", ""), ("v1", "PersistentVolume", ""), ("storage.k8s.io/v1", "StorageClass", ""),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", ""), ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ""),
        ("rbac.authorization.k8s.io/v1", "Role", "team-a"), ("apiextensions.k8s.io/v1", "CustomResourceDefinition", ""),
        ("scheduling.k8s.io/v1", "PriorityClass", ""), ("networking.k8s.io/v1", "IngressClass", ""),
        ("networking.k8s.io/v1", "Ingress", "team-a"),
        ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", ""),
        ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", ""),
        ("apiregistration.k8s.io/v1", "APIService", ""), ("node.k8s.io/v1", "RuntimeClass", ""),
        ("snapshot.storage.k8s.io/v1", "VolumeSnapshotClass", ""), ("storage.k8s.io/v1", "CSIDriver", ""),
        ("example.com/v1", "Widget", "team-a"),
    ]

    @Test(arguments: kinds)
    func defaulting(apiVersion: String, kind: String, expectedNamespace: String) throws {
        let file = Fixture.text("r.yaml", "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata:\n  name: thing\n")
        let decoder = ManifestDecoder(options: ManifestDecodingOptions(defaultNamespace: "team-a"))
        let resource = try #require(try decoder.decode([file]).first?.resource)
        #expect(resource.namespace == expectedNamespace)
        #expect(ResourceScope.isClusterScoped(group: resource.group, kind: kind) == expectedNamespace.isEmpty)
    }

    @Test func explicitNamespaceIsKept() throws {
        let file = Fixture.text("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: tools\n")
        #expect(try ManifestDecoder().decode([file]).first?.resource.namespace == "tools")
    }

    @Test func emptyNamespaceOnClusterScopedIsDropped() throws {
        let file = Fixture.text(
            "r.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n  namespace: ''\n")
        let resource = try #require(try ManifestDecoder().decode([file]).first?.resource)
        #expect(resource.value[path: ["metadata", "namespace"]] == nil)
    }

    @Test func customResourceDefinitionDeclaresClusterScope() throws {
        let manifests = try ManifestDecoder().decode([Fixture.file("crd-cluster-scoped.yaml")])
        #expect(
            manifests.map(\.resource.key.description) == [
                "CustomResourceDefinition/clusterwidgets.example.com", "ClusterWidget/big", "Widget/default/small",
            ])
    }

    @Test func customClusterScopedKindWithNamespaceFails() throws {
        let crd = try Fixture.file("crd-cluster-scoped.yaml")
        let widget = Fixture.text(
            "w.yaml", "apiVersion: example.com/v1\nkind: ClusterWidget\nmetadata:\n  name: w\n  namespace: x\n")
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([crd, widget]) }
        #expect(
            error?.description == "w.yaml:5: ClusterWidget w: a cluster-scoped resource cannot have metadata.namespace")
    }

    @Test func namespaceAndServiceNamesAreLabels() throws {
        let long = String(repeating: "a", count: 64)
        for kind in ["Namespace", "Service"] {
            let file = Fixture.text("n.yaml", "apiVersion: v1\nkind: \(kind)\nmetadata:\n  name: \(long)\n")
            #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        }
        let dotted = Fixture.text("n.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n")
        #expect(throws: ManifestError.self) { try ManifestDecoder().decode([dotted]) }
        let configMap = Fixture.text("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a.b\n")
        #expect(try ManifestDecoder().decode([configMap]).count == 1)
    }
}
