// swift-tools-version:6.2
import PackageDescription

/// Capstan: a GitOps reconciler. Modules depend one way:
/// model → (yaml, manifests, git, engine, cluster protocol, store, http client, webhooks) → (simulator, notifications)
/// → core → server → cli.
let package = Package(
    name: "capstan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "capstan", targets: ["capstan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // C libraries, each wrapped by exactly one Swift module.
        .systemLibrary(name: "CLibGit2", path: "Sources/CLibGit2", pkgConfig: "libgit2",
                       providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),

        // Plain values shared by every layer.
        .target(name: "CapstanModel", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // Leaf modules.
        .target(name: "CapstanThreads"),
        .target(name: "CapstanYAML", dependencies: ["CapstanModel", "Yams"]),
        .target(name: "CapstanManifests", dependencies: ["CapstanModel", "CapstanYAML"]),
        .target(name: "CapstanGit", dependencies: ["CapstanModel", "CapstanThreads", "CLibGit2"]),
        .target(name: "CapstanHTTPClient", dependencies: ["CCurl"]),
        .target(name: "CapstanEngine", dependencies: [
            "CapstanModel",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "CapstanCluster", dependencies: ["CapstanModel"]),
        .target(name: "CapstanStore", dependencies: [
            "CapstanModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "CapstanConfig", dependencies: ["CapstanModel", "CapstanYAML"]),
        .target(name: "CapstanSecrets", dependencies: [
            "CapstanModel", "CapstanYAML",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "CapstanWebhooks", dependencies: [
            "CapstanModel",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // The service proxy (kube-proxy of the Docker backend): TCP listeners forwarding to backends.
        .target(name: "CapstanProxy", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Backends.
        .target(name: "CapstanSimulator", dependencies: [
            "CapstanModel", "CapstanCluster", "CapstanStore",
        ]),
        .target(name: "CapstanDocker", dependencies: ["CapstanModel", "CapstanHTTPClient"]),
        .target(name: "CapstanDockerBackend", dependencies: [
            "CapstanDocker", "CapstanCluster", "CapstanModel", "CapstanSimulator", "CapstanHTTPClient",
            "CapstanStore", "CapstanProxy", "CapstanThreads", .product(name: "Logging", package: "swift-log"),
        ]),

        // Outgoing notifications: the outbox in the state store, delivered over libcurl.
        .target(name: "CapstanNotifications", dependencies: [
            "CapstanModel", "CapstanHTTPClient", "CapstanStore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The reconcile loop and the service around it.
        .target(name: "CapstanCore", dependencies: [
            "CapstanModel", "CapstanManifests", "CapstanGit", "CapstanEngine",
            "CapstanCluster", "CapstanStore", "CapstanSecrets", "CapstanThreads",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "CapstanServer", dependencies: [
            "CapstanCore", "CapstanSimulator", "CapstanGit", "CapstanStore", "CapstanCluster", "CapstanConfig",
            "CapstanModel", "CapstanWebhooks", "CapstanNotifications", "CapstanSecrets", "CapstanDockerBackend",
            "CapstanDocker",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "CapstanCLI", dependencies: [
            "CapstanModel", "CapstanHTTPClient", "CapstanServer", "CapstanConfig", "CapstanYAML", "CapstanCluster",
            "CapstanSecrets", "CapstanStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "capstan", dependencies: [
            "CapstanCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "capstan-bench", dependencies: [
            "CapstanCore", "CapstanSimulator", "CapstanManifests", "CapstanGit", "CapstanStore", "CapstanEngine",
            "CapstanServer", "CapstanConfig", "CapstanHTTPClient", "CapstanSecrets", "CapstanDocker",
            "CapstanDockerBackend",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Sources/CapstanBench"),

        // Tests: one target per module, and shared fixtures (real git remotes).
        .target(
            name: "CapstanTestSupport", dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/CapstanTestSupport"),
        .testTarget(name: "CapstanModelTests", dependencies: ["CapstanModel"]),
        .testTarget(name: "CapstanThreadsTests", dependencies: ["CapstanThreads"]),
        .testTarget(name: "CapstanYAMLTests", dependencies: ["CapstanYAML"]),
        .testTarget(name: "CapstanManifestsTests", dependencies: ["CapstanManifests"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CapstanGitTests", dependencies: ["CapstanGit", "CapstanTestSupport"]),
        .testTarget(name: "CapstanHTTPClientTests", dependencies: ["CapstanHTTPClient"]),
        .testTarget(name: "CapstanEngineTests", dependencies: ["CapstanEngine"]),
        .testTarget(name: "CapstanClusterTests", dependencies: ["CapstanCluster", "CapstanModel"]),
        .testTarget(name: "CapstanStoreTests", dependencies: [
            "CapstanStore", "CapstanSecrets", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "CapstanConfigTests", dependencies: ["CapstanConfig"]),
        .testTarget(name: "CapstanWebhooksTests", dependencies: ["CapstanWebhooks"]),
        .testTarget(name: "CapstanSecretsTests", dependencies: ["CapstanSecrets", "CapstanModel"]),
        .testTarget(name: "CapstanNotificationsTests", dependencies: [
            "CapstanNotifications", "CapstanStore", "CapstanModel", "CapstanHTTPClient", "CapstanTestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "CapstanSimulatorTests", dependencies: ["CapstanSimulator"]),
        .testTarget(name: "CapstanDockerTests", dependencies: ["CapstanDocker", "CapstanModel", "CapstanTestSupport"]),
        .testTarget(name: "CapstanDockerBackendTests", dependencies: [
            "CapstanDockerBackend", "CapstanDocker", "CapstanModel", "CapstanSimulator", "CapstanCluster",
            "CapstanHTTPClient", "CapstanTestSupport", "CapstanProxy", "CapstanCore", "CapstanGit", "CapstanStore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "CapstanProxyTests", dependencies: [
            "CapstanProxy",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "CapstanCoreTests", dependencies: [
            "CapstanCore", "CapstanSimulator", "CapstanGit", "CapstanTestSupport",
        ]),
        .testTarget(name: "CapstanServerTests", dependencies: [
            "CapstanServer", "CapstanHTTPClient", "CapstanTestSupport", "CapstanCore", "CapstanSimulator",
            "CapstanCluster", "CapstanStore", "CapstanModel", "CapstanConfig", "CapstanNotifications",
            "CapstanDocker", "CapstanDockerBackend", "CapstanThreads",
            .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
