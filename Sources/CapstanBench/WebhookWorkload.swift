/// The app the webhook benchmarks deploy: `groups` groups of one Deployment (1 replica), one Service and
/// `configMapsPerGroup` ConfigMaps, one file per group under `path`. A change to a group's generation rolls its
/// Deployment (new pod template) and changes one of its ConfigMaps.
struct WebhookWorkload: Sendable {
    /// The folder the app watches.
    static let path = "apps/web"
    static let namespace = "default"
    let groups: Int
    let configMapsPerGroup: Int

    /// The layout for `resources` resources: 10 groups (fewer below 50), the rest ConfigMaps.
    init(resources: Int) {
        groups = max(1, min(10, resources / 5))
        configMapsPerGroup = max(0, resources / groups - 2)
    }

    var resourceCount: Int { groups * (2 + configMapsPerGroup) }

    /// Every group's file at generation 0.
    func initialFiles() -> [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<groups).map { (file(group: $0), manifests(group: $0, generation: 0)) })
    }

    /// The one file that change `number` (1, 2, …) rewrites: group `(number - 1) % groups` at generation `number`.
    func change(_ number: Int) -> [String: String] {
        let group = (number - 1) % groups
        return [file(group: group): manifests(group: group, generation: number)]
    }

    private func file(group: Int) -> String {
        "\(Self.path)/group-\(group).yaml"
    }

    private func manifests(group: Int, generation: Int) -> String {
        let name = "web-\(group)"
        var documents = [deployment(name, generation: generation), service(name)]
        for index in 0..<configMapsPerGroup {
            documents.append(configMap("\(name)-config-\(index)", generation: index == 0 ? generation : 0))
        }
        return documents.joined(separator: "---\n")
    }

    private func deployment(_ name: String, generation: Int) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels: {app: \(name)}
        spec:
          replicas: 1
          selector:
            matchLabels: {app: \(name)}
          template:
            metadata:
              labels: {app: \(name)}
              annotations:
                bench.capstan.io/generation: "\(generation)"
            spec:
              containers:
                - name: web
                  image: registry.example/web:1.0
                  ports:
                    - containerPort: 8080
                  env:
                    - name: GENERATION
                      value: "\(generation)"
                  resources:
                    requests: {cpu: 50m, memory: 32Mi}

        """
    }

    private func service(_ name: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
        spec:
          selector: {app: \(name)}
          ports:
            - port: 80
              targetPort: 8080

        """
    }

    private func configMap(_ name: String, generation: Int) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \(name)
        data:
          generation: "\(generation)"
          greeting: hello from \(name)

        """
    }
}
