import CapstanModel

/// Drops every event: for tools and tests that have no notifier.
public struct NoEventSink: AppEventSink {
    public init() {}
    public func publish(_ event: AppEvent) async {}
}
