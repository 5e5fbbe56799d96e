/// What a node taint does to pods that do not tolerate it.
public enum TaintEffect: String, Sendable, Hashable, CaseIterable {
    case noSchedule = "NoSchedule"
    case preferNoSchedule = "PreferNoSchedule"
    case noExecute = "NoExecute"
}
