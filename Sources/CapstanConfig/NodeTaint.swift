/// A taint on a simulated node: `{key, value, effect}`.
public struct NodeTaint: Sendable, Hashable {
    public var key: String
    public var value: String
    public var effect: TaintEffect

    public init(key: String, value: String = "", effect: TaintEffect) {
        self.key = key
        self.value = value
        self.effect = effect
    }
}
