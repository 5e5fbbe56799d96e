import CapstanCluster
import CapstanModel
import Foundation

extension Description {
    /// Where earlier builds of the simulator recorded a pod's service variables; hidden if a stored pod still has it.
    static let serviceEnvironmentAnnotation = "simulation.capstan.io/service-environment"

    static func pod(_ context: DescribeContext, _ w: inout DescribeWriter) {
        let pod = context.object
        let spec = pod.spec ?? [:]
        let status = pod.status ?? [:]
        names(pod, &w)
        w.write(0, "Priority:\t\(spec["priority"]?.intValue ?? 0)")
        w.write(0, "Service Account:\t\(spec["serviceAccountName"]?.stringValue ?? "default")")
        let node = spec["nodeName"]?.stringValue ?? ""
        let hostIP = status["hostIP"]?.stringValue ?? ""
        w.write(0, "Node:\t\(node.isEmpty ? "<none>" : hostIP.isEmpty ? node : "\(node)/\(hostIP)")")
        if status["startTime"] != nil { w.write(0, "Start Time:\t\(time(status["startTime"]))") }
        labels(0, "Labels", pod.labels, &w)
        annotations(0, pod.annotations, &w, hiding: [serviceEnvironmentAnnotation])
        if pod.value[path: ["metadata", "deletionTimestamp"]] != nil {
            w.write(0, "Status:\tTerminating")
        } else {
            w.write(0, "Status:\t\(status["phase"]?.stringValue ?? "Pending")")
        }
        if let reason = status["reason"]?.stringValue { w.write(0, "Reason:\t\(reason)") }
        if let message = status["message"]?.stringValue { w.write(0, "Message:\t\(message)") }
        w.write(0, "IP:\t\(status["podIP"]?.stringValue ?? "")")
        let ips = (status["podIPs"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }
        if ips.isEmpty {
            w.write(0, "IPs:\t<none>")
        } else {
            w.write(0, "IPs:")
            for ip in ips { w.write(1, "IP:\t\(ip)") }
        }
        controlledBy(pod, &w)
        serviceEnvironment(pod, services: context.services, &w)
        w.write(0, "Containers:")
        let statuses = status["containerStatuses"]?.arrayValue ?? []
        for container in spec["containers"]?.arrayValue ?? [] {
            let name = container["name"]?.stringValue ?? ""
            containerSection(container, status: statuses.first { $0["name"]?.stringValue == name }, template: false, &w)
        }
        conditions(status["conditions"]?.arrayValue ?? [], columns: ["type", "status"], rule: false, &w)
        volumes(spec, level: 0, &w)
        w.write(0, "QoS Class:\t\(qosClass(spec))")
        labels(0, "Node-Selectors", spec["nodeSelector"]?.stringMap ?? [:], &w)
        w.multiline(0, "Tolerations", (spec["tolerations"]?.arrayValue ?? []).map(toleration))
    }

    /// One container: image, ports, state (pods only), resources, probes, environment and mounts.
    static func containerSection(_ container: Value, status: Value?, template: Bool, _ w: inout DescribeWriter) {
        let level = 2
        w.write(1, "\(template ? " " : "")\(container["name"]?.stringValue ?? ""):")
        if let id = status?["containerID"]?.stringValue { w.write(level, "Container ID:\t\(id)") }
        w.write(level, "Image:\t\(container["image"]?.stringValue ?? "")")
        let declared = container["ports"]?.arrayValue ?? []
        let ports = declared.map { "\($0["containerPort"]?.intValue ?? 0)/\($0["protocol"]?.stringValue ?? "TCP")" }
        let hostPorts = declared.map { "\($0["hostPort"]?.intValue ?? 0)/\($0["protocol"]?.stringValue ?? "TCP")" }
        let portTitle = ports.count > 1 ? "Ports" : "Port"
        w.write(level, "\(portTitle):\t\(ports.isEmpty ? "<none>" : ports.joined(separator: ", "))")
        w.write(level, "Host \(portTitle):\t\(hostPorts.isEmpty ? "<none>" : hostPorts.joined(separator: ", "))")
        if let status {
            state("State", status["state"], level, &w)
            if let last = status["lastState"], last.objectValue?.isEmpty == false {
                state("Last State", last, level, &w)
            }
            w.write(level, "Ready:\t\(status["ready"]?.boolValue == true ? "True" : "False")")
            w.write(level, "Restart Count:\t\(status["restartCount"]?.intValue ?? 0)")
        }
        for kind in ["limits", "requests"] {
            guard let values = container[path: ["resources", kind]]?.objectValue, !values.isEmpty else { continue }
            w.write(level, "\(kind.prefix(1).uppercased() + kind.dropFirst()):")
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                w.write(level + 1, "\(name):\t\(ResourceColumns.quantity(value))")
            }
        }
        for (title, field) in [
            ("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe"),
        ] {
            if let probe = container[field] { w.write(level, "\(title):\t\(probeText(probe))") }
        }
        let env = container["env"]?.arrayValue ?? []
        if env.isEmpty {
            w.write(level, "Environment:\t<none>")
        } else {
            w.write(level, "Environment:")
            for variable in env { w.write(level + 1, "\(variable["name"]?.stringValue ?? ""):\t\(envValue(variable))") }
        }
        let mounts = (container["volumeMounts"]?.arrayValue ?? []).map { mount in
            "\(mount["mountPath"]?.stringValue ?? "") from \(mount["name"]?.stringValue ?? "")"
                + " (\(mount["readOnly"]?.boolValue == true ? "ro" : "rw"))"
        }
        if mounts.isEmpty {
            w.write(level, "Mounts:\t<none>")
        } else {
            w.write(level, "Mounts:")
            for mount in mounts { w.write(level + 1, mount) }
        }
    }

    /// `State:  Running` / `Waiting` / `Terminated` with the details kubectl prints under each.
    static func state(_ title: String, _ state: Value?, _ level: Int, _ w: inout DescribeWriter) {
        if let running = state?["running"] {
            w.write(level, "\(title):\tRunning")
            w.write(level + 1, "Started:\t\(time(running["startedAt"]))")
        } else if let waiting = state?["waiting"] {
            w.write(level, "\(title):\tWaiting")
            if let reason = waiting["reason"]?.stringValue { w.write(level + 1, "Reason:\t\(reason)") }
            if let message = waiting["message"]?.stringValue { w.write(level + 1, "Message:\t\(message)") }
        } else if let terminated = state?["terminated"] {
            w.write(level, "\(title):\tTerminated")
            if let reason = terminated["reason"]?.stringValue { w.write(level + 1, "Reason:\t\(reason)") }
            if let message = terminated["message"]?.stringValue { w.write(level + 1, "Message:\t\(message)") }
            w.write(level + 1, "Exit Code:\t\(terminated["exitCode"]?.intValue ?? 0)")
            if let signal = terminated["signal"]?.intValue, signal != 0 { w.write(level + 1, "Signal:\t\(signal)") }
            w.write(level + 1, "Started:\t\(time(terminated["startedAt"]))")
            w.write(level + 1, "Finished:\t\(time(terminated["finishedAt"]))")
        } else {
            w.write(level, "\(title):\tWaiting")
        }
    }

    /// The `NAME_SERVICE_HOST`/`_PORT` variables the pod's running containers got when they started: those of the
    /// Services that existed then (and still exist). Nothing is shown before a container has started.
    static func serviceEnvironment(_ pod: Resource, services: [Resource], _ w: inout DescribeWriter) {
        let statuses = pod.status?["containerStatuses"]?.arrayValue ?? []
        let starts = statuses.compactMap { $0[path: ["state", "running", "startedAt"]]?.stringValue }
            .compactMap(CapstanJSON.parseTimestamp)
        guard let startedAt = starts.min() else { return }
        let variables = ServiceLinkEnvironment.variables(for: pod, services: services, startedAt: startedAt)
        guard !variables.isEmpty else {
            w.write(0, "Service Environment:\t<none>")
            return
        }
        w.write(0, "Service Environment:")
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) { w.write(1, "\(name):\t\(value)") }
    }
}
