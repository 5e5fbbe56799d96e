/// How a notification is sent: a plain JSON body, the same body signed with HMAC-SHA256, or Slack's
/// incoming-webhook format.
public enum NotificationProviderKind: String, Sendable, Hashable, CaseIterable {
    case generic
    case genericHMAC = "generic-hmac"
    case slack
}
