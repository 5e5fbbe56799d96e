import CapstanModel
import Foundation

/// Writes Kubernetes Events (`kubectl get events`): a repeat of the same reason and message about the
/// same object bumps `count` instead of adding an event; the oldest are dropped beyond a bound.
struct EventRecorder: Sendable {
    enum EventType: String, Sendable { case normal = "Normal", warning = "Warning" }

    private struct Signature: Hashable, Sendable {
        var involved: ResourceKey
        var reason: String
        var message: String
    }

    private var bySignature: [Signature: ResourceKey] = [:]
    private var order: [ResourceKey] = []
    private var counter = 0

    mutating func record(about object: Resource, type: EventType, reason: String, message: String,
                         in plane: inout ControlPlane) {
        let involved = object.key
        let signature = Signature(involved: involved, reason: reason, message: message)
        if let existingKey = bySignature[signature], var existing = plane.store[existingKey] {
            existing.value["count"] = .int((existing.value["count"]?.intValue ?? 1) + 1)
            existing.value["lastTimestamp"] = plane.timestamp
            plane.store.update(existing)
            return
        }
        counter += 1
        let namespace = involved.namespace.isEmpty ? "default" : involved.namespace
        let name = "\(involved.name).\(String(counter, radix: 16))\(plane.random.nameSuffix(length: 4))"
        var event = Resource(apiVersion: "v1", kind: "Event", namespace: namespace, name: name)
        event.value["type"] = .string(type.rawValue)
        event.value["reason"] = .string(reason)
        event.value["message"] = .string(message)
        event.value["count"] = 1
        event.value["firstTimestamp"] = plane.timestamp
        event.value["lastTimestamp"] = plane.timestamp
        event.value["source"] = ["component": "capstan-simulator"]
        event.value["involvedObject"] = [
            "apiVersion": .string(object.apiVersion), "kind": .string(involved.kind),
            "namespace": involved.namespace.isEmpty ? nil : .string(involved.namespace),
            "name": .string(involved.name), "uid": .string(object.uid),
        ]
        plane.createObject(event)
        bySignature[signature] = event.key
        order.append(event.key)
        trim(in: &plane)
    }

    /// Forgets the index (after a restart the stored events stay, but new repeats start new events).
    mutating func adopt(_ stored: [Resource]) {
        let sorted = stored.sorted { ($0.creationTimestamp ?? .distantPast) < ($1.creationTimestamp ?? .distantPast) }
        order = sorted.map(\.key)
        counter = order.count
    }

    private mutating func trim(in plane: inout ControlPlane) {
        let limit = plane.options.maxEvents
        guard order.count > limit + limit / 10 else { return }
        let excess = order.count - limit
        for key in order.prefix(excess) {
            plane.store.delete(key)
        }
        order.removeFirst(excess)
        let kept = Set(order)
        bySignature = bySignature.filter { kept.contains($0.value) }
    }
}
