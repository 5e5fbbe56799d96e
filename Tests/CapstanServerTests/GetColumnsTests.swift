import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan get` for every kind: kubectl's column headers, short names, `-A`, `-o wide`, and exact cells
/// where the simulation is deterministic.
@Suite(.serialized) struct GetColumnsTests {
    static let headers: [(String, [String])] = [
        ("no", ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]),
        ("po", ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]),
        ("deploy", ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]),
        ("rs", ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]),
        ("sts", ["NAME", "READY", "AGE"]),
        ("svc", ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]),
        ("ep", ["NAME", "ENDPOINTS", "AGE"]),
        ("cm", ["NAME", "DATA", "AGE"]),
        ("secrets", ["NAME", "TYPE", "DATA", "AGE"]),
        ("hpa", ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"]),
        ("ev", ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]),
        ("ns", ["NAME", "STATUS", "AGE"]),
    ]

    @Test(.timeLimit(.minutes(1))) func everyKindHasKubectlsColumns() async throws {
        try await SimulationFixtures.withGuestbook(extra: DescribeTests.extra, waitForHealthy: false) { server in
            _ = try await SimulationFixtures.poll(server, "/api/v1/cluster/deploy/default/frontend") {
                $0[path: ["status", "availableReplicas"]] == 2 ? true : nil
            }
            for (kind, expected) in Self.headers {
                let output = try await get([kind], server)
                #expect(columns(output.split(separator: "\n").first) == expected, "get \(kind):\n\(output)")
            }
            let long = try await get(["deployments"], server)
            #expect(long.split(separator: "\n").first.map(columns) == Self.headers[2].1)
            #expect(
                long.split(separator: "\n").dropFirst().first?.hasPrefix("frontend   2/2     2            2           ")
                    == true, "\(long)")

            let secrets = try await get(["secrets"], server)
            #expect(secrets.split(separator: "\n").dropFirst().first.map(columns)?.prefix(3) == ["db", "Opaque", "1"])
            let config = try await get(["configmaps"], server)
            #expect(
                config.split(separator: "\n").dropFirst().first.map(columns)?.prefix(2) == ["guestbook-config", "1"])
            let namespaces = try await get(["ns"], server)
            #expect(namespaces.contains("\ndefault           Active   "))
            let hpa = try await get(["hpa"], server)
            let hpaRow = hpa.split(separator: "\n").dropFirst().first.map(columns) ?? []
            #expect(hpaRow.prefix(2) == ["frontend", "Deployment/frontend"])
            #expect(hpaRow.count == 7 && hpaRow[2].hasPrefix("cpu: ") && hpaRow[2].hasSuffix("/50%"), "\(hpa)")
            #expect(hpaRow.count == 7 && hpaRow[3] == "2" && hpaRow[4] == "10")

            for kind in ["pvc", "pv"] {
                let output = try await get([kind], server)
                if output.hasPrefix("No resources found") { continue }
                let expected =
                    kind == "pvc"
                    ? [
                        "NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS",
                        "AGE",
                    ]
                    : [
                        "NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS",
                        "VOLUMEATTRIBUTESCLASS", "REASON", "AGE",
                    ]
                #expect(columns(output.split(separator: "\n").first) == expected, "get \(kind):\n\(output)")
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func wideAllNamespacesEndpointsAndEvents() async throws {
        try await SimulationFixtures.withGuestbook(replicas: 4) { server in
            let pods = try await SimulationFixtures.runningPods(server, count: 4)
            let list = try await server.json("GET", "/api/v1/cluster/pods?namespace=default")["items"]?.arrayValue ?? []

            let wide = try await get(["pods", "-o", "wide"], server)
            let wideLines = wide.split(separator: "\n")
            #expect(
                columns(wideLines.first)
                    == [
                        "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES",
                    ])
            for pod in list {
                let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
                let row = wideLines.first { $0.hasPrefix(name) }.map(columns) ?? []
                #expect(row.count == 9)
                #expect(Array(row.prefix(3)) == [name, "1/1", "Running"])
                #expect(row.count == 9 && row[3] == "0")
                #expect(row.count == 9 && row[5] == pod[path: ["status", "podIP"]]?.stringValue)
                #expect(row.count == 9 && row[6] == pod[path: ["spec", "nodeName"]]?.stringValue)
                #expect(row.count == 9 && row[7] == "<none>" && row[8] == "<none>")
            }

            let all = try await get(["po", "-A"], server)
            #expect(
                columns(all.split(separator: "\n").first) == [
                    "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE",
                ])
            #expect(all.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("default     frontend-") })
            let nodes = try await get(["nodes", "-A", "-o", "wide"], server)
            #expect(
                columns(nodes.split(separator: "\n").first)
                    == [
                        "NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE",
                        "KERNEL-VERSION", "CONTAINER-RUNTIME",
                    ])
            let nodeRow = nodes.split(separator: "\n").dropFirst().first.map(columns) ?? []
            #expect(nodeRow.count == 10 && nodeRow[0] == "node-1" && nodeRow[1] == "Ready" && nodeRow[2] == "<none>")
            #expect(nodeRow.count == 10 && nodeRow[5] == "10.10.0.10" && nodeRow[6] == "<none>")

            // Endpoints: the first three ip:port in the API's order, then "+ 1 more...".
            let endpoints = try await server.json("GET", "/api/v1/cluster/endpoints/default/frontend")
            let addresses = (endpoints["subsets"]?.arrayValue ?? []).flatMap { $0["addresses"]?.arrayValue ?? [] }
                .compactMap { $0["ip"]?.stringValue }
            #expect(addresses.count == pods.count)
            let ep = try await get(["ep", "frontend"], server)
            let expected = addresses.prefix(3).map { "\($0):80" }.joined(separator: ",") + " + 1 more..."
            #expect(
                ep.split(separator: "\n").dropFirst().first?.hasPrefix("frontend   \(expected)   ") == true, "\(ep)")

            // Events: sorted by last timestamp, kind/name objects.
            let events =
                try await server.json("GET", "/api/v1/cluster/events?namespace=default")["items"]?.arrayValue ?? []
            let sorted = events.enumerated().sorted { lhs, rhs in
                let left = lhs.element["lastTimestamp"]?.stringValue ?? ""
                let right = rhs.element["lastTimestamp"]?.stringValue ?? ""
                return left == right ? lhs.offset < rhs.offset : left < right
            }.map { event in
                let kind = (event.element[path: ["involvedObject", "kind"]]?.stringValue ?? "").lowercased()
                let name = event.element[path: ["involvedObject", "name"]]?.stringValue ?? ""
                return "\(event.element["reason"]?.stringValue ?? "") \(kind)/\(name)"
            }
            let table = try await get(["events"], server)
            let rows = table.split(separator: "\n").dropFirst().map { line -> String in
                let cells = columns(line)
                return cells.count >= 4 ? "\(cells[2]) \(cells[3])" : ""
            }
            #expect(rows == sorted)
            let none = try await get(["pods", "-n", "empty"], server)
            #expect(none == "No resources found in empty namespace.\n")
            let one = try await get(["pod", pods[0]], server)
            #expect(one.split(separator: "\n").count == 2)
            let missing = try await CapstanBinary.run(["get", "pod", "nope", "--server", server.baseURL])
            #expect(missing.stderr.contains(#"pods "nope" not found in namespace "default""#))
        }
    }

    /// Cells of a table line: columns are at least three spaces apart; a header like `ACCESS MODES` keeps
    /// its single space.
    private func columns(_ line: Substring?) -> [String] {
        guard let line else { return [] }
        return line.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    private func get(_ arguments: [String], _ server: ServerHarness) async throws -> String {
        let result = try await CapstanBinary.run(["get"] + arguments + ["--server", server.baseURL])
        #expect(result.status == 0, "capstan get \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }
}
