import Foundation

/// Puts a new Docker section into an existing report and leaves every other section as it was: what
/// `BENCH_ONLY=docker` writes, so a Docker-only run never drops or invents the other sections' figures.
struct DockerReportSplice {
    let output: String

    /// Replaces the section from its heading to the next `## ` heading, or inserts it before "## Method" (else
    /// before "## Notes", else at the end) when the report has none yet.
    func write(_ section: String) throws {
        guard let text = try? String(contentsOfFile: output, encoding: .utf8) else {
            throw BenchError(
                "\(output) cannot be read: a Docker-only run updates an existing report; run the full `make bench` "
                    + "once to write it")
        }
        let updated = Self.splice(section.trimmingCharacters(in: .whitespacesAndNewlines), into: text)
        try Data(updated.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }

    static func splice(_ section: String, into text: String) -> String {
        if let start = text.range(of: "\n\(DockerReportSection.heading)\n") {
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n## ")?.lowerBound ?? text.endIndex
            return String(text[..<start.lowerBound]) + "\n" + section + "\n" + String(text[end...])
        }
        for heading in ["## Method", BenchReport.notesHeading] {
            if let anchor = text.range(of: "\n\(heading)\n") {
                return String(text[..<anchor.lowerBound]) + "\n" + section + "\n" + String(text[anchor.lowerBound...])
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" + section + "\n"
    }
}
