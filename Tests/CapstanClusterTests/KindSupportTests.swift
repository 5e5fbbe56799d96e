import CapstanCluster
import CapstanModel
import Testing

/// `KindSupport`: which kinds a backend runs, and the reason given for the others.
struct KindSupportTests {
    static let support = KindSupport(
        supported: [GroupKind(group: "apps", kind: "Deployment"), GroupKind(group: "", kind: "ConfigMap")],
        reasons: [GroupKind(group: "autoscaling", kind: "HorizontalPodAutoscaler"): "no metrics"],
        otherwise: "no controller runs this kind")

    static func key(_ group: String, _ kind: String) -> ResourceKey {
        ResourceKey(group: group, kind: kind, namespace: "default", name: "web")
    }

    @Test(
        arguments: [
            ("apps", "Deployment", nil),
            ("", "ConfigMap", nil),
            ("autoscaling", "HorizontalPodAutoscaler", "no metrics"),
            ("example.com", "Widget", "no controller runs this kind"),
            // The group counts: a Deployment of another group is another kind.
            ("example.com", "Deployment", "no controller runs this kind"),
        ] as [(String, String, String?)])
    func reason(group: String, kind: String, expected: String?) {
        #expect(Self.support.unsupportedReason(Self.key(group, kind)) == expected)
    }

    @Test func everythingSupportsEveryKind() {
        #expect(KindSupport.everything.unsupportedReason(Self.key("example.com", "Widget")) == nil)
        #expect(KindSupport.everything.unsupportedReason(Self.key("autoscaling", "HorizontalPodAutoscaler")) == nil)
    }
}
