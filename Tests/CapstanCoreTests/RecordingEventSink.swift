import CapstanModel

/// Keeps every event the reconciler publishes, in order.
actor RecordingEventSink: AppEventSink {
    private(set) var events: [AppEvent] = []

    func publish(_ event: AppEvent) async { events.append(event) }

    var reasons: [AppEventReason] { events.map(\.reason) }
}
