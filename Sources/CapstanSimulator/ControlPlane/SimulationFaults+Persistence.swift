import CapstanModel

/// Faults and load as one stored value, so a restarted service keeps rehearsing what the user injected.
extension SimulationFaults {
    var value: Value {
        [
            "unpullableImages": .array(unpullableImages.sorted().map(Value.string)),
            "serviceLoad": .object(
                Dictionary(uniqueKeysWithValues: serviceLoad.map { ($0.key.id, Value.double($0.value)) })),
            "balancerCursors": .object(
                Dictionary(uniqueKeysWithValues: balancerCursors.map { ($0.key.id, Value.int($0.value)) })),
        ]
    }

    init(_ value: Value) {
        unpullableImages = Set((value["unpullableImages"]?.arrayValue ?? []).compactMap(\.stringValue))
        serviceLoad = [:]
        for (id, load) in value["serviceLoad"]?.objectValue ?? [:] {
            if let key = ResourceKey(id: id), let percent = load.doubleValue { serviceLoad[key] = percent }
        }
        balancerCursors = [:]
        for (id, cursor) in value["balancerCursors"]?.objectValue ?? [:] {
            if let key = ResourceKey(id: id), let position = cursor.intValue { balancerCursors[key] = position }
        }
    }
}
