import CapstanDocker
import Foundation
import Testing

/// `/events` filtered by label delivers a container's start and die, and ends when its task is cancelled.
struct EventsTests {
    @Test func seesStartAndDieThenEndsOnCancel() async throws {
        try await withDockerScope { scope in
            let engine = scope.engine
            // `since` makes the daemon replay what happened after it, so no event is lost while connecting.
            let events = engine.events(labels: scope.filter, types: ["container"], since: Date())
            let collector = Task { () throws -> [DockerEvent] in
                var seen: [DockerEvent] = []
                for try await event in events {
                    seen.append(event)
                    if event.action == "die" { break }
                }
                return seen
            }
            let id = try await scope.run("events")
            try await engine.killContainer(id, signal: "SIGKILL")

            let seen = try await withTimeout(.seconds(10)) { try await collector.value }
            #expect(seen.map(\.action).contains("start"))
            let die = try #require(seen.last)
            #expect(die.action == "die")
            #expect(die.type == "container")
            #expect(die.actorID == id)
            #expect(die.attributes["exitCode"] == "137")
            #expect(die.attributes["capstan.test"] == scope.id)
            #expect(die.attributes["name"] == scope.name("events"))
            #expect(abs(die.time.timeIntervalSinceNow) < 60)
        }
    }

    @Test func streamEndsWhenTheTaskIsCancelled() async throws {
        try await withDockerScope { scope in
            let consumer = Task { () throws -> Int in
                var count = 0
                for try await _ in scope.engine.events(labels: scope.filter) { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(200))
            consumer.cancel()
            let count = try await withTimeout(.seconds(5)) { try await consumer.value }
            #expect(count == 0)
            // The engine still works after the stream's connection was dropped.
            try await scope.engine.ping()
        }
    }
}
