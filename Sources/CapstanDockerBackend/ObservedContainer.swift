import CapstanDocker
import Foundation

/// What the node agent knows about one container of a pod: the Docker container (if created), its state,
/// readiness, restarts, and why it is waiting when it is.
struct ObservedContainer {
    var name: String
    var image: String
    var id: String?
    var state: ContainerState?
    var ready = false
    var restartCount = 0
    /// `ContainerCreating`, `ErrImagePull`, `CreateContainerConfigError`, `CrashLoopBackOff`, …
    var waitingReason: String?
    var waitingMessage: String?
}
