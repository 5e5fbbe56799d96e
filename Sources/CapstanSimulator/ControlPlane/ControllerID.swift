/// The controllers of the simulated control plane, in the order a pass runs them.
enum ControllerID: Int, Sendable, Hashable, CaseIterable, Comparable {
    case namespace
    case garbageCollector
    case deployment
    case replicaSet
    case scheduler
    case kubelet
    case service

    static func < (lhs: ControllerID, rhs: ControllerID) -> Bool { lhs.rawValue < rhs.rawValue }
}
