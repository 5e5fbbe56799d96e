import Foundation

/// The report's "Docker backend vs docker-compose" section (issue 6's targets), from one `docker-converge` result.
struct DockerReportSection {
    let result: DockerConvergeResult
    /// When the section was measured on its own (`BENCH_ONLY=docker`), apart from the rest of the report.
    var measuredAlone: Date?
    /// Targets: Capstan's median over docker-compose's median.
    static let coldRatioLimit = 0.7
    static let noChangeRatioLimit = 0.1
    static let heading = "## Docker backend vs docker-compose (issue 6)"

    /// The section when nothing was measured.
    static let notMeasured = "\(heading)\n\nNot measured in this run."

    var markdown: String {
        let running = Samples(result.cold.map(\.runningMilliseconds))
        let available = Samples(result.cold.map(\.availableMilliseconds))
        let compose = result.compose
        let n = result.services
        let rows = [
            ReportRow.duration(
                "Capstan cold: reconcile start → all \(n) containers running (the daemon's last start event)", running,
                target: "≤ \(Self.coldRatioLimit)× docker-compose", limit: compose.cold.median * Self.coldRatioLimit
            ).with(detail: Self.versus(running, compose.cold, perRound: true)),
            ReportRow.duration(
                "Capstan cold: reconcile start → all \(n) Deployments Available", available, target: "–", limit: nil
            ).with(detail: Self.versus(available, compose.cold, perRound: true)),
            ReportRow.duration("docker-compose `up -d` from nothing", compose.cold, target: "–", limit: nil),
            ReportRow.duration(
                "Bare Engine API client: the same containers created and started, \(DaemonFloor.parallel) at a time",
                result.bareClientCold, target: "–", limit: nil
            ).with(detail: Self.versus(result.bareClientCold, compose.cold, perRound: true)),
            ReportRow.duration(
                "Capstan no-change: reconcile of the same commit + one node agent pass", result.noChange.samples,
                target: "≤ \(Self.noChangeRatioLimit)× docker-compose",
                limit: compose.noChange.median * Self.noChangeRatioLimit
            ).with(detail: Self.versus(result.noChange.samples, compose.noChange, perRound: false)),
            ReportRow.duration("… the reconcile alone", result.noChange.reconcileSamples, target: "–", limit: nil),
            ReportRow.duration(
                "… the node agent pass alone (`syncOnce`)", result.noChange.agentPassSamples, target: "–", limit: nil),
            ReportRow.duration(
                "docker-compose `up -d`, everything up to date", compose.noChange, target: "–", limit: nil),
            ReportRow.duration(
                "`docker-compose version` (its interpreter starting, no daemon call)", compose.versionSamples,
                target: "–", limit: nil),
        ]
        return """
            \(Self.heading)

            \(aloneNote)\(workload)

            \(ReportRow.header)
            \(rows.map(\.markdown).joined(separator: "\n"))

            \(timeline)
            """
    }

    /// "0.82× docker-compose" (median over median), and for cold rounds, where the sides ran back to back, the
    /// spread and median of each round's own ratio, which the machine's load moves less.
    static func versus(_ samples: Samples, _ compose: Samples, perRound: Bool) -> String {
        func ratio(_ value: Double) -> String { String(format: value < 0.1 ? "%.3f×" : "%.2f×", value) }
        let overall = "\(ratio(samples.median / compose.median)) docker-compose"
        guard perRound, samples.count == compose.count else { return overall }
        let rounds = Samples(zip(samples.values, compose.values).map { $0 / $1 })
        return "\(overall); per round \(ratio(rounds.min))–\(ratio(rounds.max)), median \(ratio(rounds.median))"
    }

    /// Says when a Docker-only run measured this section, since the file's date is the full run's.
    private var aloneNote: String {
        guard let measuredAlone else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return "_Measured on its own by `BENCH_ONLY=docker make bench` on \(formatter.string(from: measuredAlone)); "
            + "the other sections come from the full run dated at the top._\n\n"
    }

    private var workload: String {
        let command = result.command.joined(separator: " ")
        return """
            One private Docker daemon (Engine \(result.dockerVersion), \(result.dockerCPUs) CPUs, started by \
            `scripts/test-dockerd.sh`, reached over its unix socket), used by both sides in the same run, one side at \
            a time. The same \(result.services) single-container services on both sides: image \
            `\(result.image)` (already on the daemon: nothing is pulled), command `\(command)`, host networking, an \
            init process, no ports, no probes. Cold runs rotate between the sides (Capstan, docker-compose, the \
            bare client below; which goes first rotates too); before each, every container of every side is removed.

            - **Capstan**: the Docker backend in the benchmark's process, wired as `capstan serve` wires an app with \
            `backend: docker` (`DockerCluster.open` + `run()`: the control plane on the wall clock, one node agent, \
            the service proxy), an app over a generated git repository (one commit, \(result.services) Deployments of \
            1 replica, one file each, over `file://`). Each cold run opens a new state store (SQLite) and git cache \
            and a new backend, lets it run \(ReportFormat.duration(DockerBackendSetup.warmUp.milliseconds)) (as a \
            service that is up), then starts one `AppReconciler.reconcile(.poll)` (clone, render, plan, apply; \
            the ReplicaSet controller and scheduler create and bind the pods; the node agent, woken by the pods' \
            watch events, creates and starts their containers 8 pods at a time and reports their status). The clock \
            starts at the reconcile's call. **Running** is the daemon's own time of the last container's `start` \
            event, from its event stream (`GET /events`, one connection opened before the reconcile), checked \
            afterwards by one labelled list that shows all \(result.services) running. **Available** is when the \
            control plane's watch delivered the Deployment change after which every Deployment had condition \
            `Available=True` and 1 available replica (the pods' Ready status reported by the agent). Both observers \
            are passive: nothing asks the daemon anything while the containers start (a labelled list every 20 ms, \
            used before, took daemon CPU on the 2 cores the daemon saturates and slowed Capstan's side by \
            ≈ 0.3–0.6 s). Capstan's process used \(processCPU) of CPU per cold run (the backend, the reconcile and \
            the observers). **No change**: after a deploy that settled (untimed), \
            \(result.noChange.samples.count) runs of `reconcile(.poll)` on the same commit followed by `DockerNodeAgent.syncOnce()` (the node's pods, one \
            labelled list call, nothing to do); each reconcile returns `done`, and the control plane's writes \
            (\(result.noChange.objectWrites)), the daemon's container events (\(result.noChange.containerEvents)) \
            and the containers' IDs (\(result.noChange.replacedContainers) replaced) must not move.
            - **docker-compose \(result.compose.version)** (Debian's package, Python), `DOCKER_HOST` set to the same \
            socket, a generated `docker-compose.yml` (format 2.4) of the same services with `network_mode: host` \
            and `init: true`, run as a process from the benchmark: **cold** is `docker-compose -p capstanbench up -d` \
            after a `down` (untimed) that left no container of the project, timed from launch to exit (when it exits \
            every container is created and started; a labelled list then checks that all \(result.services) run); \
            **no change** is the same `up -d` with every container up to date (\(result.compose.noChange.count) runs \
            after an untimed one; none recreated).
            - **Bare Engine API client** (the daemon's floor, a reference): in each cold round the benchmark itself \
            creates and starts the same containers with `DockerEngine` (image check, create, start per container, \
            \(DaemonFloor.parallel) at a time, as the node agent converges pods), timed from the first call to the \
            last start's answer. It has no git, control plane or state, so its time is the daemon's own work for \
            this workload at that concurrency (see Notes for other call patterns).

            docker-compose's time includes starting its Python interpreter (the `version` row); Capstan's \
            starts at the reconcile's call in a backend that is already up, as in a running service.
            """
    }

    /// The process's CPU time over a cold run (the backend, the reconcile and the observers), the runs' median.
    private var processCPU: String {
        ReportFormat.duration(Samples(result.cold.map(\.cpuMilliseconds)).median)
    }

    /// Where the cold converge goes: medians over the runs, from the reconcile's start.
    private var timeline: String {
        let runs = result.cold
        func row(_ name: String, _ value: KeyPath<DockerColdRun, Double>) -> String {
            let samples = Samples(runs.map { $0[keyPath: value] })
            return "| \(name) | \(ReportFormat.duration(samples.median)) | \(ReportFormat.duration(samples.min)) | "
                + "\(ReportFormat.duration(samples.max)) |"
        }
        return """
            Where Capstan's cold converge goes (ms from the reconcile's start; medians of \(runs.count) runs; \
            container times are the daemon's own event times):

            | Moment | Median | Min | Max |
            |---|---:|---:|---:|
            \(row("last pod created and bound (control plane's watch)", \.podsCreatedMilliseconds))
            \(row("reconcile returned (apply, health, record)", \.reconcileMilliseconds))
            \(row("first container created (daemon event)", \.firstCreateMilliseconds))
            \(row("last container created", \.lastCreateMilliseconds))
            \(row("first container started", \.firstStartMilliseconds))
            \(row("last container started: all running", \.runningMilliseconds))
            \(row("all Deployments Available (control plane)", \.availableMilliseconds))
            """
    }
}
