import CapstanCluster
import Hummingbird

extension APIError {
    /// A cluster's refusal as an HTTP status: NotFound 404, Invalid 422, Conflict 409, Unsupported 501,
    /// ServiceUnavailable 503, anything else 500. The message names the object when the error does.
    init(_ error: ClusterError) {
        let status: HTTPResponse.Status
        switch error.reason {
        case .notFound: status = .notFound
        case .invalid: status = .unprocessableContent
        case .conflict: status = .conflict
        case .unsupported: status = .notImplemented
        case .unavailable: status = .serviceUnavailable
        case .corrupt, .internalError: status = .internalServerError
        }
        self.init(status, error.description)
    }
}
