import CapstanEngine
import CapstanModel
import Testing

/// `HealthAssessor.aggregate`: an app is as healthy as its worst resource.
struct AggregationTests {
    @Test(
        arguments: [
            ([], HealthAssessment(.healthy)),
            ([nil, nil], HealthAssessment(.healthy)),
            ([HealthAssessment(.healthy, "ok")], HealthAssessment(.healthy, "ok")),
            ([.healthy, HealthAssessment(.progressing, "rolling"), nil], HealthAssessment(.progressing, "rolling")),
            ([HealthAssessment(.suspended, "paused"), .healthy], HealthAssessment(.suspended, "paused")),
            (
                [HealthAssessment(.progressing, "rolling"), HealthAssessment(.suspended, "paused")],
                HealthAssessment(.progressing, "rolling")
            ),
            ([HealthAssessment(.progressing, "rolling"), HealthAssessor.missing], HealthAssessor.missing),
            (
                [HealthAssessor.missing, HealthAssessment(.degraded, "crash"), .healthy],
                HealthAssessment(.degraded, "crash")
            ),
            ([HealthAssessment(.degraded, "crash"), HealthAssessment(.unknown, "?")], HealthAssessment(.unknown, "?")),
            (
                [HealthAssessment(.degraded, "first"), HealthAssessment(.degraded, "second")],
                HealthAssessment(.degraded, "first")
            ),
        ] as [([HealthAssessment?], HealthAssessment)])
    func worstWins(assessments: [HealthAssessment?], expected: HealthAssessment) {
        #expect(HealthAssessor.aggregate(assessments) == expected)
    }

    @Test func aggregatesLiveObjectsEndToEnd() {
        let ready = TestResources.json(
            HealthTests.deployment(
                status:
                    #"{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":3}"#))
        let rolling = TestResources.json(
            HealthTests.deployment(
                status:
                    #"{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":3}"#))
        let all = [ready, TestResources.configMap("c"), rolling].map(HealthAssessor.assess)
        #expect(HealthAssessor.aggregate(all).status == .progressing)
        #expect(HealthAssessor.aggregate(all + [HealthAssessor.assess(orMissing: nil)]).status == .missing)
    }
}
