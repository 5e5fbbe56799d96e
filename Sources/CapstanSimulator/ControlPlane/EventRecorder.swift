import CapstanModel
import Foundation

/// Kubernetes Events (`kubectl get events`), kept in a bounded ring beside the object store: a repeat of the
/// same reason and message about the same object bumps `count` instead of adding an event, and the oldest
/// go first once the bound is reached (Kubernetes expires them after an hour). Events are diagnostics: they
/// are not persisted, and writing one never wakes a controller.
struct EventRecorder: Sendable {
    enum EventType: String, Sendable {
        case normal = "Normal"
        case warning = "Warning"
    }

    private struct Signature: Hashable, Sendable {
        var involved: ResourceKey
        var reason: String
        var message: String
    }

    private struct Entry: Sendable {
        var signature: Signature
        var involvedAPIVersion: String
        var involvedUID: String
        var type: EventType
        var count: Int
        var first: Date
        var last: Date
        var name: String
    }

    private var entries: [Int: Entry] = [:]
    private var bySignature: [Signature: Int] = [:]
    /// Sequence numbers of live entries, oldest first, from `oldest` to `next - 1` (gaps are dropped repeats).
    private var oldest = 0
    private var next = 0

    mutating func record(
        about object: Resource, type: EventType, reason: String, message: String, now: Date,
        limit: Int
    ) {
        let signature = Signature(involved: object.key, reason: reason, message: message)
        if let sequence = bySignature[signature], entries[sequence] != nil {
            entries[sequence]!.count += 1
            entries[sequence]!.last = now
            return
        }
        let name = "\(object.name).\(String(next, radix: 16))"
        entries[next] = Entry(
            signature: signature, involvedAPIVersion: object.apiVersion, involvedUID: object.uid,
            type: type, count: 1, first: now, last: now, name: name)
        bySignature[signature] = next
        next += 1
        while entries.count > limit, oldest < next {
            if let dropped = entries.removeValue(forKey: oldest) { bySignature[dropped.signature] = nil }
            oldest += 1
        }
    }

    /// The events as Event objects, in `namespace` or all, oldest first.
    func events(namespace: String?) -> [Resource] {
        (oldest..<next).compactMap { entries[$0] }.compactMap { entry in
            let involved = entry.signature.involved
            let eventNamespace = involved.namespace.isEmpty ? "default" : involved.namespace
            guard namespace == nil || namespace == eventNamespace else { return nil }
            var event = Resource(apiVersion: "v1", kind: "Event", namespace: eventNamespace, name: entry.name)
            event.value[path: ["metadata", "creationTimestamp"]] = .string(SimulatedTime.format(entry.first))
            event.value["type"] = .string(entry.type.rawValue)
            event.value["reason"] = .string(entry.signature.reason)
            event.value["message"] = .string(entry.signature.message)
            event.value["count"] = .int(entry.count)
            event.value["firstTimestamp"] = .string(SimulatedTime.format(entry.first))
            event.value["lastTimestamp"] = .string(SimulatedTime.format(entry.last))
            event.value["source"] = ["component": "capstan-simulator"]
            event.value["involvedObject"] = [
                "apiVersion": .string(entry.involvedAPIVersion), "kind": .string(involved.kind),
                "namespace": involved.namespace.isEmpty ? nil : .string(involved.namespace),
                "name": .string(involved.name), "uid": .string(entry.involvedUID),
            ]
            return event
        }
    }
}
