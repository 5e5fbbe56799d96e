/// The controllers of the simulated control plane, in the order a pass runs them.
enum ControllerID: Int, Sendable, Hashable, CaseIterable, Comparable {
    case namespace
    case garbageCollector
    case nodeLifecycle
    case deployment
    case statefulSet
    case replicaSet
    case horizontalPodAutoscaler
    case volumeBinder
    case scheduler
    case kubelet
    case endpoints

    static func < (lhs: ControllerID, rhs: ControllerID) -> Bool { lhs.rawValue < rhs.rawValue }
}
