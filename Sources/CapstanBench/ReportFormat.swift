import Foundation

/// How the report writes numbers.
enum ReportFormat {
    /// `2.41 s` from a second up, `31.2 ms` below 100 ms, `412 ms` in between.
    static func duration(_ milliseconds: Double) -> String {
        if milliseconds >= 1000 { return String(format: "%.2f s", milliseconds / 1000) }
        if milliseconds >= 100 { return String(format: "%.0f ms", milliseconds) }
        return String(format: "%.1f ms", milliseconds)
    }

    /// Megabytes of 10^6 bytes; one decimal below 10 MB.
    static func megabytes(_ bytes: Double) -> String {
        String(format: bytes < 10_000_000 ? "%.1f MB" : "%.0f MB", bytes / 1_000_000)
    }

    static func ratio(_ value: Double) -> String {
        String(format: "%.2f×", value)
    }

    static func percent(_ part: Double, of whole: Double) -> String {
        whole > 0 ? String(format: "%.0f %%", part / whole * 100) : "–"
    }

    static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
