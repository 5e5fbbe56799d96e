import Foundation

/// This process's memory as Linux reports it in /proc/self/status.
enum ProcessMemory {
    /// Peak resident set size so far (VmHWM), in bytes.
    static var peakResidentBytes: Int { field("VmHWM") }

    /// Resident set size now (VmRSS), in bytes.
    static var residentBytes: Int { field("VmRSS") }

    /// A `Name:   1234 kB` field in bytes; 0 when it cannot be read (not Linux).
    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("\(name):") {
            let number = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
                .flatMap { Int($0) }
            return (number ?? 0) * 1024
        }
        return 0
    }
}
