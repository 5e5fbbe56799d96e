/// A duration in seconds as people read it in rollout messages and history: `1.86 s` below ten seconds,
/// `42 s` above.
public enum SecondsText {
    public static func format(_ seconds: Double) -> String {
        seconds < 10 ? String(format: "%.2f s", seconds) : String(format: "%.0f s", seconds)
    }
}
