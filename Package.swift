// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "crosscheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crosscheck", targets: ["crosscheck"]),
        .library(name: "CrosscheckKit", targets: ["CrosscheckKit"]),
        .library(name: "CrosscheckFetch", targets: ["CrosscheckFetch"]),
        .library(name: "CrosscheckEval", targets: ["CrosscheckEval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CrosscheckModels",
            resources: [.copy("Models")],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckKit",
            dependencies: [
                "CLibXML2",
                "CrosscheckModels",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckFetch",
            dependencies: [
                "CrosscheckKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckSQLite",
            dependencies: [
                "CrosscheckKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckPostgres",
            dependencies: [
                "CrosscheckKit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckServer",
            dependencies: [
                "CrosscheckKit",
                "CrosscheckFetch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckEval",
            dependencies: [
                "CrosscheckKit",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "crosscheck",
            dependencies: [
                "CrosscheckKit",
                "CrosscheckFetch",
                "CrosscheckEval",
                "CrosscheckSQLite",
                "CrosscheckPostgres",
                "CrosscheckServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "CrosscheckTesting",
            dependencies: [
                "CrosscheckKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "CrosscheckKitTests",
            dependencies: ["CrosscheckKit", "CrosscheckTesting"],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "CrosscheckStoreTests",
            dependencies: [
                "CrosscheckSQLite", "CrosscheckPostgres", "CrosscheckKit", "CrosscheckTesting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "CrosscheckEvalTests",
            dependencies: ["CrosscheckEval", "CrosscheckTesting"],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "CrosscheckServerTests",
            dependencies: [
                "CrosscheckServer",
                "CrosscheckKit",
                "CrosscheckSQLite",
                "CrosscheckTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "CrosscheckFetchTests",
            dependencies: ["CrosscheckFetch", "CrosscheckTesting"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "crosscheckTests",
            dependencies: ["crosscheck", "CrosscheckKit", "CrosscheckPostgres", "CrosscheckTesting"],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
    ]
)
