import Foundation

/// Thread names as the kernel sees them, for checking which thread ran a job and whether it still exists.
enum ThreadNames {
    /// A name of at most 15 characters (the kernel's limit) that no other test uses.
    static func unique(_ prefix: String) -> String {
        prefix + "-" + String(UUID().uuidString.prefix(15 - prefix.count - 1))
    }

    /// The calling thread's name.
    static var current: String {
        (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// How many threads of this process are named `name`.
    static func count(_ name: String) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            let comm = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
            return comm?.trimmingCharacters(in: .whitespacesAndNewlines) == name
        }.count
    }
}
