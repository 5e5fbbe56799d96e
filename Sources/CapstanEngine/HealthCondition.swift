import CapstanModel

/// One entry of a resource's `status.conditions`.
struct HealthCondition: Sendable, Hashable {
    var type: String
    /// `"True"`, `"False"` or `"Unknown"`.
    var status: String
    var reason: String
    var message: String

    init?(_ value: Value) {
        guard let type = value["type"]?.stringValue else { return nil }
        self.type = type
        self.status = value["status"]?.stringValue ?? "Unknown"
        self.reason = value["reason"]?.stringValue ?? ""
        self.message = value["message"]?.stringValue ?? ""
    }

    var isTrue: Bool { status == "True" }
    var isFalse: Bool { status == "False" }
}
