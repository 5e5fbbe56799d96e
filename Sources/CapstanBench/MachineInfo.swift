import Foundation

/// The machine the benchmark ran on, from /proc and /etc/os-release.
struct MachineInfo {
    var cpu: String
    var cores: Int
    var memoryBytes: Int
    var system: String

    static func current() -> MachineInfo {
        let cpuinfo = read("/proc/cpuinfo")
        let cpu = value(of: "model name", in: cpuinfo, separator: ":") ?? "unknown"
        let memoryKB =
            value(of: "MemTotal", in: read("/proc/meminfo"), separator: ":")
            .flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0
        let os =
            value(of: "PRETTY_NAME", in: read("/etc/os-release"), separator: "=")?
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? "unknown"
        let kernel = read("/proc/sys/kernel/osrelease").trimmingCharacters(in: .whitespacesAndNewlines)
        return MachineInfo(
            cpu: cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: memoryKB * 1024, system: kernel.isEmpty ? os : "\(os), Linux \(kernel)")
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// The value of the first `name<separator>value` line.
    private static func value(of name: String, in text: String, separator: Character) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: separator, maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
