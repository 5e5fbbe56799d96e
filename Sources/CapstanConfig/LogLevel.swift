/// How much the service logs; the names of swift-log's levels.
public enum LogLevel: String, Sendable, Hashable, CaseIterable {
    case trace, debug, info, notice, warning, error
}
