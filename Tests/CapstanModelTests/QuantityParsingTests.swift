import CapstanModel
import Testing

/// Kubernetes quantities parse into exact millis and whole units, rounded up.
struct QuantityParsingTests {
    static let valid: [(String, millis: Int64, value: Int64)] = [
        ("4", 4000, 4), ("500m", 500, 1), ("0.5", 500, 1), ("1.5", 1500, 2), ("+2", 2000, 2), ("100u", 1, 1),
        ("1k", 1_000_000, 1000), ("8Gi", 8_589_934_592_000, 8_589_934_592), ("512Mi", 536_870_912_000, 536_870_912),
        ("1G", 1_000_000_000_000, 1_000_000_000), ("1.5Gi", 1_610_612_736_000, 1_610_612_736), ("2e3", 2_000_000, 2000),
        ("128974848", 128_974_848_000, 128_974_848), ("129e6", 129_000_000_000, 129_000_000),
        ("123Mi", 128_974_848_000, 128_974_848),
        ("0", 0, 0), ("1Ki", 1_024_000, 1024), (".5", 500, 1), ("5.", 5000, 5), ("1n", 1, 1),
    ]

    @Test(arguments: valid)
    func parses(text: String, millis: Int64, value: Int64) throws {
        let quantity = try #require(Quantity(text))
        #expect(quantity.milliValue == millis)
        #expect(quantity.value == value)
    }

    @Test(arguments: ["", "m", "Gi", "1.2.3", "-1", "8GB", "1 Gi", "4 cores", "1e", "0x10", "1K", "1mi", "1Eii", "abc"])
    func rejects(text: String) {
        #expect(Quantity(text) == nil)
    }

    @Test func overflowIsRejected() {
        #expect(Quantity("16Ei") == nil)
        #expect(Quantity("10E") == nil)
        #expect(Quantity("9P")?.value == 9_000_000_000_000_000)
    }
}
