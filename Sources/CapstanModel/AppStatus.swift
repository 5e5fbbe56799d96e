import Foundation

/// What `GET /api/v1/apps/{name}` returns: where an app comes from, whether the cluster matches git,
/// how healthy it is, and what the last sync did.
public struct AppStatus: Sendable, Hashable, Codable {
    public var name: String
    public var source: AppSource
    public var sync: AppSyncState
    public var health: HealthAssessment
    public var lastSync: SyncOutcome?
    public var resources: [ResourceStatus]
    /// Problems that stop the app from syncing (source, render, apply errors), and resources the backend does not
    /// run (`UnsupportedResources`, a warning); empty when all is well.
    public var conditions: [AppCondition]
    /// When the app was last compared with git.
    public var reconciledAt: Date?
    /// The rollout of the newest synced revision: waves, progress and outcome.
    public var rollout: AppRollout?
    /// Set while the app is held at a revision instead of following its branch.
    public var pin: AppPin?

    public init(name: String, source: AppSource) {
        self.name = name
        self.source = source
        self.sync = AppSyncState(status: .unknown)
        self.health = HealthAssessment(.unknown)
        self.lastSync = nil
        self.resources = []
        self.conditions = []
        self.reconciledAt = nil
        self.rollout = nil
        self.pin = nil
    }
}

/// Where an app's manifests live.
public struct AppSource: Sendable, Hashable, Codable {
    public var repo: String
    public var ref: String
    public var path: String

    public init(repo: String, ref: String, path: String) {
        self.repo = repo
        self.ref = ref
        self.path = path
    }
}

/// Whether the live state matches git, and at which commits (Flux's lastApplied / lastAttempted).
public struct AppSyncState: Sendable, Hashable, Codable {
    public var status: SyncStatus
    /// The commit the live state was last successfully synced to.
    public var revision: String?
    /// The newest commit of the watched ref, which the last sync attempt tried to deploy.
    public var attemptedRevision: String?
    /// Why the app is OutOfSync or Unknown, when it is (`ComparisonError`, `RequiresPruning`, `Drift`).
    public var reason: String?

    public init(status: SyncStatus, revision: String? = nil, attemptedRevision: String? = nil, reason: String? = nil) {
        self.status = status
        self.revision = revision
        self.attemptedRevision = attemptedRevision
        self.reason = reason
    }
}

/// The sync state and health of one managed resource.
public struct ResourceStatus: Sendable, Hashable, Codable {
    public var group: String
    public var kind: String
    public var namespace: String
    public var name: String
    public var status: SyncStatus
    /// Nil for kinds without a health (ConfigMap, Secret, …).
    public var health: HealthStatus?
    public var message: String?

    public init(key: ResourceKey, status: SyncStatus, health: HealthStatus?, message: String? = nil) {
        self.group = key.group
        self.kind = key.kind
        self.namespace = key.namespace
        self.name = key.name
        self.status = status
        self.health = health
        self.message = message
    }

    public var key: ResourceKey { ResourceKey(group: group, kind: kind, namespace: namespace, name: name) }
}

/// A problem with an app that a user must see.
public struct AppCondition: Sendable, Hashable, Codable {
    /// `SourceError`, `ComparisonError` (manifests do not render), `SyncError` (apply failed),
    /// `UnsupportedResources` (some resources are not applied: the backend does not run their kinds).
    public var type: String
    public var message: String
    public var since: Date

    public init(type: String, message: String, since: Date) {
        self.type = type
        self.message = message
        self.since = since
    }
}
