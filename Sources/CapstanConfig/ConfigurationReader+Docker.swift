import CapstanModel

extension ConfigurationReader {
    static let dockerKeys = [
        "hosts", "serviceAddress", "portRange", "driftCheckInterval", "podEvictionTimeout", "volumeDirectory",
        "pruneVolumes",
    ]
    static let dockerHostKeys = ["name", "host", "caFile", "certFile", "keyFile"]

    func readDocker(_ node: ConfigNode) -> DockerConfiguration? {
        guard let mapping = node.mapping(keys: Self.dockerKeys), let hostsNode = mapping.required("hosts") else {
            return nil
        }
        guard let items = hostsNode.list(), !items.isEmpty else {
            hostsNode.fail("at least one Docker host is required (e.g. unix:///var/run/docker.sock)")
            return nil
        }
        var hosts: [DockerConfiguration.Host] = []
        for (index, item) in items.enumerated() {
            if let host = readDockerHost(item, index: index) {
                if hosts.contains(where: { $0.name == host.name }) {
                    item.fail("duplicate Docker host name \"\(host.name)\"")
                }
                hosts.append(host)
            }
        }
        var docker = DockerConfiguration(hosts: hosts)
        if let address = mapping.optional("serviceAddress")?.string() { docker.serviceAddress = address }
        if let rangeNode = mapping.optional("portRange"), let text = rangeNode.scalarText() {
            let bounds = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if bounds.count == 2, bounds[0] >= 1024, bounds[0] < bounds[1], bounds[1] <= 65_535 {
                docker.portRange = bounds[0]...bounds[1]
            } else {
                rangeNode.fail("must be LOW-HIGH with 1024 <= LOW < HIGH <= 65535, e.g. 30000-32767")
            }
        }
        if let interval = mapping.optional("driftCheckInterval")?.duration() { docker.driftCheckInterval = interval }
        if let timeout = mapping.optional("podEvictionTimeout")?.duration() { docker.podEvictionTimeout = timeout }
        docker.volumeDirectory = mapping.optional("volumeDirectory")?.string().map(absolutePath)
        if let prune = mapping.optional("pruneVolumes")?.bool() { docker.pruneVolumes = prune }
        return docker
    }

    /// `unix:///var/run/docker.sock`, or `{name, host, caFile, certFile, keyFile}`.
    private func readDockerHost(_ node: ConfigNode, index: Int) -> DockerConfiguration.Host? {
        var host = DockerConfiguration.Host(name: "docker-\(index + 1)", host: "")
        if node.node.entries == nil {
            guard let text = node.string() else { return nil }
            host.host = text
        } else {
            guard let mapping = node.mapping(keys: Self.dockerHostKeys),
                let text = mapping.required("host")?.string()
            else { return nil }
            host.host = text
            if let nameNode = mapping.optional("name"), let name = nameNode.string() {
                if KubernetesName.isDNS1123Subdomain(name) {
                    host.name = name
                } else {
                    nameNode.fail("\"\(name)\" is not a valid node name (lowercase letters, digits, '-' and '.')")
                }
            }
            host.caFile = mapping.optional("caFile")?.string().map(absolutePath)
            host.certFile = mapping.optional("certFile")?.string().map(absolutePath)
            host.keyFile = mapping.optional("keyFile")?.string().map(absolutePath)
            let tls = [host.caFile, host.certFile, host.keyFile].compactMap { $0 }
            if !tls.isEmpty && tls.count != 3 { node.fail("caFile, certFile and keyFile go together") }
        }
        if !(host.host.hasPrefix("unix:///") || host.host.hasPrefix("tcp://")) {
            node.fail("a Docker host is unix:///path/to/docker.sock or tcp://host:port")
        }
        return host
    }
}
