/// The manifests the core tests commit: a small guestbook app.
public enum GuestbookManifests {
    public static func deployment(_ name: String, replicas: Int = 2, image: String = "nginx:1.27") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels:
            app: \(name)
        spec:
          replicas: \(replicas)
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
                - name: \(name)
                  image: \(image)
                  ports:
                    - containerPort: 80
        """
    }

    public static func service(_ name: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
        spec:
          selector:
            app: \(name)
          ports:
            - port: 80
        """
    }

    public static func configMap(greeting: String = "hello") -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: guestbook-config
        data:
          GREETING: "\(greeting)"
        """
    }

    /// The initial commit: frontend (Deployment + Service) and a ConfigMap under `apps/guestbook`.
    public static func initial(replicas: Int = 2) -> [String: String?] {
        [
            "apps/guestbook/frontend.yaml": deployment("frontend", replicas: replicas) + "\n---\n"
                + service("frontend"),
            "apps/guestbook/config.yaml": configMap(),
            "README.md": "not a manifest",
        ]
    }
}
