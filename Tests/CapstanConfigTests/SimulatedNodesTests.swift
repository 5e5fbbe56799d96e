import CapstanConfig
import Testing

/// Simulated nodes come as a list or as the `{count, cpu, memory, pods}` shorthand.
struct SimulatedNodesTests {
    static let app = "apps:\n  - name: web\n    repo: file:///r\n"

    @Test func shorthand() throws {
        let yaml = "simulated:\n  nodes: {count: 5, cpu: 2, memory: 4Gi, pods: 30, labels: {pool: small}}\n" + Self.app
        let nodes = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/").simulated.nodes
        #expect(nodes.map(\.name) == ["node-1", "node-2", "node-3", "node-4", "node-5"])
        #expect(
            nodes.allSatisfy {
                $0.cpu.milliValue == 2000 && $0.memory.value == 4 << 30 && $0.pods == 30
                    && $0.labels == ["pool": "small"]
            })
    }

    @Test func shorthandDefaults() throws {
        let yaml = "simulated:\n  nodes: {cpu: 500m}\n" + Self.app
        let nodes = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/").simulated.nodes
        #expect(nodes.count == 3)
        #expect(nodes.allSatisfy { $0.cpu.milliValue == 500 && $0.memory.description == "8Gi" && $0.pods == 110 })
    }

    @Test func listWithDefaultsAndTaints() throws {
        let yaml = """
            simulated:
              nodes:
                - {}
                - name: gpu-1
                  labels: {rack: 7}
                  taints:
                    - {key: gpu, effect: NoExecute}
                    - {key: dedicated, value: ml, effect: PreferNoSchedule}
            """ + "\n" + Self.app
        let nodes = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/").simulated.nodes
        #expect(nodes.map(\.name) == ["node-1", "gpu-1"])
        #expect(nodes[1].labels == ["rack": "7"])
        #expect(
            nodes[1].taints == [
                NodeTaint(key: "gpu", effect: .noExecute),
                NodeTaint(key: "dedicated", value: "ml", effect: .preferNoSchedule),
            ])
    }
}
