import CapstanModel

/// A probe's timing, with Kubernetes' defaults: no initial delay, every 10 s, 1 s timeout, 1 success and 3
/// failures to change the result.
struct ProbeSettings: Equatable {
    var initialDelaySeconds = 0
    var periodSeconds = 10
    var timeoutSeconds = 1
    var successThreshold = 1
    var failureThreshold = 3

    init(_ probe: Value) {
        initialDelaySeconds = max(probe["initialDelaySeconds"]?.intValue ?? 0, 0)
        periodSeconds = max(probe["periodSeconds"]?.intValue ?? 10, 1)
        timeoutSeconds = max(probe["timeoutSeconds"]?.intValue ?? 1, 1)
        successThreshold = max(probe["successThreshold"]?.intValue ?? 1, 1)
        failureThreshold = max(probe["failureThreshold"]?.intValue ?? 3, 1)
    }
}
