import CapstanModel
import CapstanYAML

extension ConfigurationReader {
    static let simulatedKeys = ["timeScale", "startDelay", "nodes"]
    static let nodeKeys = ["name", "cpu", "memory", "pods", "labels", "taints"]
    static let shorthandKeys = ["count", "cpu", "memory", "pods", "labels"]

    func readSimulated(_ node: ConfigNode) -> SimulatedConfiguration? {
        guard let mapping = node.mapping(keys: Self.simulatedKeys) else { return nil }
        var simulated = SimulatedConfiguration()
        if let scaleNode = mapping.optional("timeScale"), let scale = scaleNode.double() {
            if scale > 0, scale.isFinite {
                simulated.timeScale = scale
            } else {
                scaleNode.fail("must be greater than 0")
            }
        }
        if let delay = mapping.optional("startDelay")?.duration() { simulated.startDelay = delay }
        if let nodesNode = mapping.optional("nodes"), let nodes = readNodes(nodesNode) { simulated.nodes = nodes }
        return simulated
    }

    /// A list of nodes, or the shorthand `{count, cpu, memory, pods, labels}`.
    private func readNodes(_ node: ConfigNode) -> [SimulatedNodeConfiguration]? {
        if node.node.entries != nil {
            return readShorthandNodes(node)
        }
        guard node.node.items != nil else {
            let found = ConfigNode.describe(node.node)
            node.fail("expected a list of nodes or a mapping {count, cpu, memory, pods}, found \(found)")
            return nil
        }
        guard let items = node.list(), !items.isEmpty else {
            node.fail("at least one node is required")
            return nil
        }
        var nodes: [SimulatedNodeConfiguration] = []
        var firstLines: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let mapping = item.mapping(keys: Self.nodeKeys) else { continue }
            let nameNode = mapping.optional("name")
            let name = nameNode.map { $0.string() ?? "" } ?? "node-\(index + 1)"
            if let nameNode, !name.isEmpty, !KubernetesName.isDNS1123Subdomain(name) {
                nameNode.fail("\"\(name)\" is not a valid node name (lowercase letters, digits, '-' and '.')")
            }
            if let first = firstLines[name] {
                (nameNode ?? item).fail("duplicate node name \"\(name)\" (also at line \(first))")
            } else {
                firstLines[name] = mapping.line(of: "name")
            }
            var simulatedNode = SimulatedNodeConfiguration(name: name)
            readCapacity(mapping, into: &simulatedNode)
            simulatedNode.taints = mapping.optional("taints").flatMap(readTaints) ?? []
            nodes.append(simulatedNode)
        }
        return nodes
    }

    private func readShorthandNodes(_ node: ConfigNode) -> [SimulatedNodeConfiguration]? {
        guard let mapping = node.mapping(keys: Self.shorthandKeys) else { return nil }
        var count = 3
        if let countNode = mapping.optional("count"), let value = countNode.int() {
            if value >= 1, value <= 1000 { count = value } else { countNode.fail("must be between 1 and 1000") }
        }
        var template = SimulatedNodeConfiguration(name: "")
        readCapacity(mapping, into: &template)
        return SimulatedNodeConfiguration.numbered(
            count: count, cpu: template.cpu, memory: template.memory, pods: template.pods, labels: template.labels)
    }

    /// cpu, memory, pods and labels, shared by the list form and the shorthand.
    private func readCapacity(_ mapping: MappingReader, into node: inout SimulatedNodeConfiguration) {
        if let cpu = mapping.optional("cpu").flatMap({ readQuantity($0, example: "4, 500m") }) { node.cpu = cpu }
        if let memory = mapping.optional("memory").flatMap({ readQuantity($0, example: "8Gi, 512Mi, 1G") }) {
            node.memory = memory
        }
        if let podsNode = mapping.optional("pods"), let pods = podsNode.int() {
            if pods >= 1 { node.pods = pods } else { podsNode.fail("must be at least 1") }
        }
        if let labels = mapping.optional("labels")?.stringMap() { node.labels = labels }
    }

    private func readQuantity(_ node: ConfigNode, example: String) -> Quantity? {
        guard let text = node.scalarText() else { return nil }
        guard let quantity = Quantity(text) else {
            node.fail("invalid quantity \"\(text)\" (use e.g. \(example))")
            return nil
        }
        guard quantity.milliValue > 0 else {
            node.fail("must be greater than 0")
            return nil
        }
        return quantity
    }

    private func readTaints(_ node: ConfigNode) -> [NodeTaint]? {
        guard let items = node.list() else { return nil }
        return items.compactMap { item in
            guard let mapping = item.mapping(keys: ["key", "value", "effect"]) else { return nil }
            let key = mapping.required("key")?.string()
            let value = mapping.optional("value")?.scalarText() ?? ""
            var effect: TaintEffect?
            if let effectNode = mapping.required("effect"), let text = effectNode.string() {
                effect = TaintEffect(rawValue: text)
                if effect == nil {
                    effectNode.fail("unknown taint effect \"\(text)\" (use NoSchedule, PreferNoSchedule or NoExecute)")
                }
            }
            guard let key, let effect else { return nil }
            return NodeTaint(key: key, value: value, effect: effect)
        }
    }
}
