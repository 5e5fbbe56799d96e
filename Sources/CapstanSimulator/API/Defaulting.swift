import CapstanModel

/// The defaults the Kubernetes API server fills in, so live objects look like a real cluster's
/// (and the sync engine's "compare only what the manifest sets" is exercised for real).
enum Defaulting {
    static func apply(to resource: inout Resource, tolerationSeconds: Int = DefaultTolerationSeconds.seconds) {
        switch (resource.group, resource.kind) {
        case ("apps", "Deployment"):
            defaultWorkload(&resource.value)
            setIfAbsent(&resource.value, ["spec", "strategy", "type"], "RollingUpdate")
            if resource.value[path: ["spec", "strategy", "type"]]?.stringValue == "RollingUpdate" {
                setIfAbsent(&resource.value, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
                setIfAbsent(&resource.value, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
            }
            setIfAbsent(&resource.value, ["spec", "revisionHistoryLimit"], 10)
            setIfAbsent(&resource.value, ["spec", "progressDeadlineSeconds"], 600)
        case ("apps", "ReplicaSet"):
            defaultWorkload(&resource.value)
        case ("apps", "StatefulSet"):
            defaultWorkload(&resource.value)
            defaultStatefulSet(&resource.value)
        case ("", "PersistentVolumeClaim"):
            defaultClaim(&resource.value)
        case ("", "PersistentVolume"):
            defaultVolume(&resource.value)
        case ("storage.k8s.io", "StorageClass"):
            defaultStorageClass(&resource.value)
        case ("autoscaling", "HorizontalPodAutoscaler"):
            defaultAutoscaler(&resource.value, apiVersion: resource.apiVersion)
        case ("", "Pod"):
            if var spec = resource.spec {
                defaultPodSpec(&spec)
                resource.spec = spec
            }
            DefaultTolerationSeconds.admit(&resource, seconds: tolerationSeconds)
        case ("", "Service"):
            defaultService(&resource.value)
        case ("", "Secret"):
            setIfAbsent(&resource.value, ["type"], "Opaque")
        default:
            break
        }
    }

    private static func defaultWorkload(_ value: inout Value) {
        setIfAbsent(&value, ["spec", "replicas"], 1)
        if var podSpec = value[path: ["spec", "template", "spec"]] {
            defaultPodSpec(&podSpec)
            value[path: ["spec", "template", "spec"]] = podSpec
        }
    }

    static func defaultPodSpec(_ spec: inout Value) {
        setIfAbsent(&spec, ["restartPolicy"], "Always")
        setIfAbsent(&spec, ["terminationGracePeriodSeconds"], 30)
        setIfAbsent(&spec, ["dnsPolicy"], "ClusterFirst")
        setIfAbsent(&spec, ["schedulerName"], "default-scheduler")
        setIfAbsent(&spec, ["securityContext"], [:])
        for field in ["containers", "initContainers"] {
            guard let containers = spec[field]?.arrayValue else { continue }
            spec[field] = .array(containers.map(defaultContainer))
        }
    }

    private static func defaultContainer(_ container: Value) -> Value {
        var container = container
        let image = container["image"]?.stringValue ?? ""
        let lastPart = image.split(separator: "/").last.map(String.init) ?? image
        let tag =
            lastPart.contains("@")
            ? "digest" : (lastPart.split(separator: ":").dropFirst().first.map(String.init) ?? "latest")
        setIfAbsent(&container, ["imagePullPolicy"], tag == "latest" ? "Always" : "IfNotPresent")
        setIfAbsent(&container, ["terminationMessagePath"], "/dev/termination-log")
        setIfAbsent(&container, ["terminationMessagePolicy"], "File")
        setIfAbsent(&container, ["resources"], [:])
        if let ports = container["ports"]?.arrayValue {
            container["ports"] = .array(
                ports.map { port in
                    var port = port
                    setIfAbsent(&port, ["protocol"], "TCP")
                    return port
                })
        }
        return container
    }

    private static func defaultService(_ value: inout Value) {
        setIfAbsent(&value, ["spec", "type"], "ClusterIP")
        setIfAbsent(&value, ["spec", "sessionAffinity"], "None")
        let type = value[path: ["spec", "type"]]?.stringValue
        if type != "ExternalName" { setIfAbsent(&value, ["spec", "internalTrafficPolicy"], "Cluster") }
        if type == "NodePort" || type == "LoadBalancer" {
            setIfAbsent(&value, ["spec", "externalTrafficPolicy"], "Cluster")
        }
        if type == "LoadBalancer" { setIfAbsent(&value, ["spec", "allocateLoadBalancerNodePorts"], true) }
        if let ports = value[path: ["spec", "ports"]]?.arrayValue {
            value[path: ["spec", "ports"]] = .array(
                ports.map { port in
                    var port = port
                    setIfAbsent(&port, ["protocol"], "TCP")
                    if let number = port["port"] { setIfAbsent(&port, ["targetPort"], number) }
                    return port
                })
        }
        setIfAbsent(&value, ["status", "loadBalancer"], [:])
    }

    static func setIfAbsent(_ value: inout Value, _ path: [String], _ defaultValue: Value) {
        if value[path: path] == nil { value[path: path] = defaultValue }
    }
}
