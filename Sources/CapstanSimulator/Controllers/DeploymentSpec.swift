import CapstanModel

/// The fields of a Deployment the controller acts on, with Kubernetes' defaults applied.
struct DeploymentSpec {
    var replicas: Int
    var template: Value
    var selector: Value
    var recreate: Bool
    var maxSurge: Int
    var maxUnavailable: Int
    var minReadySeconds: Int
    var revisionHistoryLimit: Int
    var progressDeadlineSeconds: Int
    var paused: Bool

    init(_ deployment: Resource) {
        let spec = deployment.spec ?? [:]
        replicas = max(spec["replicas"]?.intValue ?? 1, 0)
        template = spec["template"] ?? [:]
        selector = spec["selector"] ?? [:]
        recreate = spec[path: ["strategy", "type"]]?.stringValue == "Recreate"
        let rolling = spec[path: ["strategy", "rollingUpdate"]]
        if recreate {
            maxSurge = 0
            maxUnavailable = 0
        } else {
            maxSurge = IntOrPercent.resolve(rolling?["maxSurge"], default: "25%", total: replicas, roundUp: true)
            maxUnavailable = IntOrPercent.resolve(
                rolling?["maxUnavailable"], default: "25%", total: replicas,
                roundUp: false)
            // Kubernetes' ResolveFenceposts: both zero would never make progress.
            if maxSurge == 0 && maxUnavailable == 0 { maxUnavailable = 1 }
        }
        minReadySeconds = max(spec["minReadySeconds"]?.intValue ?? 0, 0)
        revisionHistoryLimit = max(spec["revisionHistoryLimit"]?.intValue ?? 10, 0)
        progressDeadlineSeconds = max(spec["progressDeadlineSeconds"]?.intValue ?? 600, 1)
        paused = spec["paused"]?.boolValue ?? false
    }
}
