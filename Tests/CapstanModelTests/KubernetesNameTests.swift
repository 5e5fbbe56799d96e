import CapstanModel
import Testing

/// Kubernetes' name rules, each checked against examples on both sides of the line.
struct KubernetesNameTests {
    static let subdomains: [(String, Bool)] = [
        ("web", true), ("web-1", true), ("a.b.c", true), ("1web", true), ("a", true),
        (String(repeating: "a", count: 63) + "." + String(repeating: "b", count: 189), true),
        (String(repeating: "a", count: 254), false), ("", false), ("Web", false), ("web_1", false), ("-web", false),
        ("web-", false), ("a..b", false), (".a", false), ("a.-b", false), ("wéb", false),
    ]

    @Test(arguments: subdomains)
    func subdomain(name: String, valid: Bool) {
        #expect(KubernetesName.isDNS1123Subdomain(name) == valid)
    }

    static let labels: [(String, Bool)] = [
        ("web", true), ("1web", true), (String(repeating: "a", count: 63), true),
        (String(repeating: "a", count: 64), false), ("a.b", false), ("Web", false), ("", false), ("web-", false),
    ]

    @Test(arguments: labels)
    func label(name: String, valid: Bool) {
        #expect(KubernetesName.isDNS1123Label(name) == valid)
    }

    @Test(arguments: [("web", true), ("w1", true), ("1web", false), ("-w", false), ("a.b", false)])
    func dns1035(name: String, valid: Bool) {
        #expect(KubernetesName.isDNS1035Label(name) == valid)
    }

    static let qualifiedNames: [(String, Bool)] = [
        ("app", true), ("App_Name.v1", true), ("app.kubernetes.io/name", true), ("example.com/a-b", true),
        ("", false), ("/name", false), ("example.com/", false), ("a/b/c", false), ("Example.com/x", false),
        ("-app", false), ("app-", false), (String(repeating: "a", count: 64), false), ("bad key", false),
    ]

    @Test(arguments: qualifiedNames)
    func qualifiedName(key: String, valid: Bool) {
        #expect(KubernetesName.isQualifiedName(key) == valid)
    }

    static let labelValues: [(String, Bool)] = [
        ("", true), ("v1", true), ("1.0", true), ("A_b-c.d", true), ("-x", false), ("x-", false),
        (String(repeating: "a", count: 64), false), ("a b", false), ("a/b", false),
    ]

    @Test(arguments: labelValues)
    func labelValue(value: String, valid: Bool) {
        #expect(KubernetesName.isLabelValue(value) == valid)
    }
}
