import CapstanModel

/// Job health, from its Complete and Failed conditions.
enum JobHealth {
    static func assess(_ job: Resource) -> HealthAssessment {
        if let failed = job.condition("Failed"), failed.isTrue {
            return HealthAssessment(.degraded, failed.message.isEmpty ? "Job failed: \(failed.reason)" : failed.message)
        }
        if job.condition("Complete")?.isTrue == true {
            return HealthAssessment(.healthy, "Job completed")
        }
        if job.value[path: ["spec", "suspend"]]?.boolValue == true {
            return HealthAssessment(.suspended, "Job is suspended")
        }
        return HealthAssessment(.progressing, "Job is running: \(job.int("status", "active")) active pods")
    }
}
