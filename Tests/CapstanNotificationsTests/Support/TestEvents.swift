import CapstanModel
import CapstanNotifications
import Foundation

/// Events and providers named for what the tests need.
enum TestEvents {
    /// 2026-11-20T16:41:05.123Z.
    static let time = Date(timeIntervalSince1970: 1_795_192_865.123)

    static func event(
        _ reason: AppEventReason = .syncSucceeded, app: String = "shop", id: String = UUID().uuidString.lowercased(),
        revision: String? = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d", message: String? = nil,
        metadata: [String: String] = [:]
    ) -> AppEvent {
        AppEvent(
            id: id, app: app, revision: revision, reason: reason,
            message: message ?? "\(reason.rawValue) for \(app) (\(id))", timestamp: time, metadata: metadata)
    }

    static func provider(
        _ name: String, _ kind: NotificationProviderKind = .generic, url: String, secret: String? = nil,
        events: Set<AppEventReason>? = nil, apps: Set<String>? = nil, severity: AppEventSeverity? = nil
    ) throws -> NotificationProvider {
        try NotificationProvider(
            name: name, kind: kind, url: url, secret: secret.map { Array($0.utf8) }, events: events, apps: apps,
            minimumSeverity: severity)
    }
}
