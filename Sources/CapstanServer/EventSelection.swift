import CapstanModel
import Foundation

/// The Events about one object, as `kubectl describe` selects them: same group, kind, namespace and name,
/// and the same uid when both carry one (so a recreated pod does not inherit its predecessor's events).
enum EventSelection {
    static func about(_ object: Resource, in events: [Resource]) -> [Resource] {
        let uid = object.value[path: ["metadata", "uid"]]?.stringValue ?? ""
        let matching = events.filter { event in
            guard let involved = event.value["involvedObject"] else { return false }
            let apiVersion = involved["apiVersion"]?.stringValue ?? ""
            let group = apiVersion.contains("/") ? String(apiVersion.prefix { $0 != "/" }) : ""
            let eventUID = involved["uid"]?.stringValue ?? ""
            return involved["kind"]?.stringValue == object.kind && group == object.group
                && involved["name"]?.stringValue == object.name
                && (involved["namespace"]?.stringValue ?? "") == object.namespace
                && (uid.isEmpty || eventUID.isEmpty || uid == eventUID)
        }
        return matching.enumerated().sorted { lhs, rhs in
            let left = lastSeen(lhs.element)
            let right = lastSeen(rhs.element)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    /// `lastTimestamp`, else `firstTimestamp`, else the creation time.
    static func lastSeen(_ event: Resource) -> Date {
        for field in [["lastTimestamp"], ["firstTimestamp"], ["metadata", "creationTimestamp"]] {
            if let date = event.value[path: field]?.stringValue.flatMap(CapstanJSON.parseTimestamp) { return date }
        }
        return .distantPast
    }
}
