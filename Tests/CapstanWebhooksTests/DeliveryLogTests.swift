import Testing

@testable import CapstanWebhooks

@Suite struct DeliveryLogTests {
    @Test func aRepeatedIdIsADuplicate() {
        var log = DeliveryLog(capacity: 3)
        let isNew = ["a", "b", "a", "b"].map { log.record($0) }
        #expect(isNew == [true, true, false, false])
    }

    @Test func theLeastRecentlySeenIdIsForgottenFirst() {
        var log = DeliveryLog(capacity: 3)
        // a is seen again after c, so d makes the log forget b; b then makes it forget d.
        let isNew = ["a", "b", "c", "a", "d", "a", "c", "b", "d"].map { log.record($0) }
        #expect(isNew == [true, true, true, false, true, false, false, true, true])
        #expect(log.count == 3)
    }

    @Test func memoryStaysBoundedUnderFloodsOfNewAndRepeatedIds() {
        var log = DeliveryLog(capacity: 100)
        for index in 0..<10_000 {
            _ = log.record("id-\(index)")
            _ = log.record("hot")
        }
        #expect(log.count == 100)
        #expect(log.order.count <= 300)
        let isNew = ["hot", "id-9999", "id-0"].map { log.record($0) }
        #expect(isNew == [false, false, true])
    }
}
