import CapstanDocker
import CapstanDockerBackend
import Foundation

/// The Docker backend against docker-compose 1.29 on the same daemon, the same services, in one process: cold
/// converges of both sides alternating (which side goes first alternates too), then no-change converges of each.
/// Before every cold run both sides' containers are removed, so each starts from nothing.
struct DockerConvergeBenchmark {
    let dockerHost: String
    let work: URL
    let workload: DockerWorkload
    let coldRuns: Int
    let noChangeRuns: Int
    let composeExecutable: String

    init(options: BenchArguments) throws(BenchError) {
        dockerHost = try options.string("docker-host")
        work = URL(fileURLWithPath: try options.string("work"))
        workload = DockerWorkload(
            services: try options.int("services", default: 30, in: 1...200),
            image: options.string("image", default: "capstan-test/busybox:1"), command: ["sleep", "3600"])
        coldRuns = try options.int("cold-runs", default: 9, in: 1...50)
        noChangeRuns = try options.int("no-change-runs", default: 20, in: 1...1000)
        composeExecutable = options.string("compose", default: "docker-compose")
    }

    func run() async throws -> DockerConvergeResult {
        let engine = try DockerEngine(dockerHost)
        defer { engine.shutdown() }
        let version = try await engine.version()
        let info = try await engine.info()
        guard try await engine.imageExists(workload.image) else {
            throw BenchError(
                "the image \(workload.image) is not on the daemon at \(dockerHost) (the benchmark pulls nothing)")
        }
        let root = work.appendingPathComponent("docker-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try workload.makeRepository(in: root.appendingPathComponent("git"))
        let composeFolder = root.appendingPathComponent("compose")
        try FileManager.default.createDirectory(at: composeFolder, withIntermediateDirectories: true)
        try Data(workload.composeFile.utf8).write(to: composeFolder.appendingPathComponent("docker-compose.yml"))

        let ours = DaemonContainers(engine: engine, label: ContainerLabels.managed, value: "true")
        let compose = ComposeCommand(
            executable: composeExecutable, dockerHost: dockerHost, folder: composeFolder, project: "capstanbench")
        let theirs = ComposeSide(
            compose: compose,
            containers: DaemonContainers(engine: engine, label: "com.docker.compose.project", value: "capstanbench"),
            services: workload.services)
        let coldConverge = DockerColdConverge(
            dockerHost: dockerHost, repository: repository, work: root, services: workload.services, ours: ours)

        let composeVersion = try compose.version()
        let versionSamples = try await theirs.versionSamples(runs: coldRuns)
        try await ours.removeAll()
        let floor = DaemonFloor(
            engine: engine, workload: workload,
            containers: DaemonContainers(engine: engine, label: "capstan-bench.floor", value: "true"))
        var cold: [DockerColdRun] = []
        var composeCold: [Double] = []
        var floorCold: [Double] = []
        for run in 0..<coldRuns {
            // Each side alone on the daemon and from nothing; which one goes first rotates.
            let sides = [0, 1, 2].map { ($0 + run) % 3 }
            for side in sides {
                try await theirs.down()
                switch side {
                case 0: cold.append(try await coldRun(coldConverge, ours))
                case 1: composeCold.append(try await theirs.cold())
                default: floorCold.append(try await floor.run())
                }
            }
            try await theirs.down()
            log(
                "cold \(run + 1)/\(coldRuns): Capstan \(Int(cold.last!.runningMilliseconds)) ms running, "
                    + "\(Int(cold.last!.availableMilliseconds)) ms Available; docker-compose \(Int(composeCold.last!)) ms; "
                    + "bare client \(Int(floorCold.last!)) ms")
        }
        let noChange = try await DockerNoChange(
            dockerHost: dockerHost, repository: repository, work: root, services: workload.services,
            runs: noChangeRuns, ours: ours
        ).run()
        try await ours.removeAll()
        log("no-change: Capstan \(String(format: "%.1f", noChange.samples.median)) ms (median)")
        let (composeNoChange, replaced) = try await theirs.noChange(runs: noChangeRuns)
        try await theirs.down()
        log("no-change: docker-compose \(Int(composeNoChange.median)) ms (median)")
        return DockerConvergeResult(
            services: workload.services, image: workload.image, command: workload.command,
            dockerVersion: version.version, dockerCPUs: info.cpus, cold: cold, noChange: noChange,
            bareClientCold: Samples(floorCold),
            compose: ComposeResult(
                version: composeVersion, versionSamples: versionSamples, cold: Samples(composeCold),
                noChange: composeNoChange, replacedContainers: replaced))
    }

    /// One cold converge of Capstan, then its containers removed (its backend is stopped by then).
    private func coldRun(_ converge: DockerColdConverge, _ ours: DaemonContainers) async throws -> DockerColdRun {
        do {
            let run = try await converge.run()
            try await ours.removeAll()
            return run
        } catch {
            try? await ours.removeAll()
            throw error
        }
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data("  \(line)\n".utf8))
    }
}
