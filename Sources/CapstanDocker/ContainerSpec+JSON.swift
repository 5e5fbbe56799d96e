import CapstanModel

extension ContainerSpec {
    /// The body of `POST /containers/create`.
    var json: Value {
        var config: [String: Value] = [
            "Image": .string(image),
            "Env": .array(env.sorted { $0.key < $1.key }.map { .string("\($0.key)=\($0.value)") }),
            "Labels": .object(labels.mapValues(Value.string)),
        ]
        if let entrypoint { config["Entrypoint"] = .array(entrypoint.map(Value.string)) }
        if let cmd { config["Cmd"] = .array(cmd.map(Value.string)) }
        if let workingDir { config["WorkingDir"] = .string(workingDir) }
        if let user { config["User"] = .string(user) }
        if let healthcheck { config["Healthcheck"] = healthcheck.json }
        if let stopSignal { config["StopSignal"] = .string(stopSignal) }
        if let stopTimeoutSeconds { config["StopTimeout"] = .int(stopTimeoutSeconds) }
        config["HostConfig"] = hostConfigJSON
        return .object(config)
    }

    private var hostConfigJSON: Value {
        var host: [String: Value] = ["Init": .bool(runsInit)]
        if let networkMode { host["NetworkMode"] = .string(networkMode) }
        if let memoryBytes { host["Memory"] = .int(memoryBytes) }
        if let nanoCPUs { host["NanoCpus"] = .int(nanoCPUs) }
        if !mounts.isEmpty { host["Mounts"] = .array(mounts.map(\.json)) }
        if !tmpfs.isEmpty { host["Tmpfs"] = .object(tmpfs.mapValues(Value.string)) }
        return .object(host)
    }
}
