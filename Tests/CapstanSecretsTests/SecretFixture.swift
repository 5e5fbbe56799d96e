import CapstanModel
import Foundation

/// A v1 Secret with random canary values, and the values to search for in outputs and errors.
struct SecretFixture {
    let password = Canary.value("password")
    let token = Canary.value("token")
    let resource: Resource

    init(namespace: String = "prod", name: String = "db") {
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name)
        secret.value["type"] = "kubernetes.io/basic-auth"
        secret.value["data"] = ["password": .string(Data(password.utf8).base64EncodedString())]
        secret.value["stringData"] = ["token": .string(token)]
        secret.labels = ["app": "db"]
        secret.annotations = ["team": "storage"]
        resource = secret
    }

    /// Every value, for leak checks.
    var secrets: [String] { [password, token] }
}
