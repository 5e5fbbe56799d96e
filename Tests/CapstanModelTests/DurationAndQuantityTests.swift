import CapstanModel
import Testing

@Suite struct DurationAndQuantityTests {
    @Test(arguments: [
        ("30s", 30_000), ("5m", 300_000), ("1h30m", 5_400_000), ("500ms", 500), ("1.5s", 1_500), ("0", 0),
    ])
    func durations(_ text: String, _ milliseconds: Int64) {
        #expect(DurationParser.parse(text) == .milliseconds(milliseconds))
    }

    @Test(arguments: ["", "30", "30x", "-5s", "s", "1h30", "5 m"])
    func invalidDurations(_ text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(90), "1m30s"), (.milliseconds(500), "500ms"), (.seconds(7200), "2h"), (.zero, "0s"),
    ])
    func formattedDurations(_ duration: Duration, _ text: String) {
        #expect(duration.formatted == text)
    }

    @Test(arguments: [
        ("500m", Int64(500)), ("2", 2_000), ("0.5", 500), ("1Ki", 1_024_000), ("8Gi", 8_589_934_592_000),
        ("1G", 1_000_000_000_000), ("1e3", 1_000_000), ("100n", 1),
    ])
    func quantities(_ text: String, _ milli: Int64) {
        #expect(Quantity(text)?.milliValue == milli)
    }

    @Test(arguments: ["", "abc", "1Xi", "-1", "Gi", " 2"])
    func invalidQuantities(_ text: String) {
        #expect(Quantity(text) == nil)
    }

    @Test func quantityDescriptionsReadBack() {
        for text in ["500m", "2", "8Gi", "512Mi"] {
            #expect(Quantity(text)?.description == text)
        }
    }
}
