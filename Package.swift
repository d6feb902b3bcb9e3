// swift-tools-version: 6.2
import PackageDescription

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every target builds in the Swift 6 language mode (strict concurrency) and spells existentials `any`.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

var targets: [Target] = [
    // MARK: executable and composition root
    .executableTarget(
        name: "capstan",
        dependencies: [
            "CapstanApp",
            "CapstanDevnet",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ],
        swiftSettings: strict,
        // Relative relocations packed (RELR): 2 MB of .rela.dyn that the loader reads at every start, and that stayed
        // resident, shrink to 18 KB. The toolchain's own lld does it (gold cannot); the binary then needs glibc 2.36+
        // (Debian 12, Ubuntu 24.04), as README says.
        linkerSettings: [
            .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux]))
        ]
    ),
    .target(
        name: "CapstanApp",
        dependencies: [
            "CapstanCore", "CapstanStore", "CapstanHTTP", "CapstanPluginHost", "CapstanWorkers", "StellarKit", "StellarHorizon",
            "SEP1", "SEP6", "SEP10", "SEP12", "SEP24",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Configuration", package: "swift-configuration"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),

    // MARK: domain and adapters
    .target(name: "CapstanCore", swiftSettings: strict),
    .target(
        name: "CapstanStore",
        dependencies: [
            "CapstanCore",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .target(
        name: "CapstanHTTP",
        dependencies: [
            "CapstanCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .target(name: "SEP1", dependencies: ["CapstanCore", "CapstanHTTP", .product(name: "Hummingbird", package: "hummingbird")], swiftSettings: strict),
    .target(
        name: "SEP10",
        dependencies: [
            "CapstanCore", "CapstanHTTP", "StellarKit", "StellarHorizon",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),

    .target(
        name: "SEP24",
        dependencies: [
            "CapstanCore", "CapstanHTTP",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
        ],
        resources: [.copy("Resources")],
        swiftSettings: strict
    ),
    .target(
        name: "SEP6",
        dependencies: [
            "CapstanCore", "CapstanHTTP",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .target(
        name: "SEP12",
        dependencies: [
            "CapstanCore", "CapstanHTTP",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .target(
        name: "CapstanWorkers",
        dependencies: [
            // No StellarHorizon: the workers define the ledger protocols they need; CapstanApp makes Horizon conform.
            "CapstanCore", "StellarKit",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),

    .target(
        name: "CapstanDevnet",
        dependencies: [
            "StellarKit",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),

    // MARK: Stellar primitives
    .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
    .target(name: "StellarKit", dependencies: ["CSodium"], swiftSettings: strict),
    // Horizon access is its own target so the primitives stay dependency-free and quick to build.
    .target(
        name: "StellarHorizon",
        dependencies: ["StellarKit", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "Logging", package: "swift-log")],
        swiftSettings: strict
    ),

    // MARK: plugins
    .target(name: "CCapstanPlugin"),
    .target(
        name: "CapstanPluginHost",
        dependencies: ["CCapstanPlugin", "CapstanCore", "CapstanHTTP", "SEP1", .product(name: "Logging", package: "swift-log")],
        swiftSettings: strict
    ),
    .target(name: "CapstanPluginKit", dependencies: ["CCapstanPlugin"], swiftSettings: strict),
    .target(name: "CapstanReferencePlugin", dependencies: ["CapstanPluginKit"], path: "Plugins/reference", swiftSettings: strict),

    // MARK: tests
    .target(
        name: "CapstanTesting",
        dependencies: ["CapstanApp", "CapstanCore", "CapstanStore", "StellarKit"],
        swiftSettings: strict
    ),
    .testTarget(name: "StellarKitTests", dependencies: ["StellarKit"], resources: [.copy("Vectors")], swiftSettings: strict),
    .testTarget(
        name: "SEP10Tests",
        dependencies: [
            "SEP10", "CapstanHTTP", "StellarKit", "StellarHorizon",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "JWTKit", package: "jwt-kit"),
        ],
        swiftSettings: strict
    ),
    .testTarget(
        name: "SEP24Tests",
        dependencies: [
            "SEP24", "CapstanCore", "CapstanHTTP", "CapstanStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ],
        swiftSettings: strict
    ),
    .testTarget(
        name: "SEP6Tests",
        dependencies: [
            "SEP6", "CapstanCore", "CapstanHTTP", "CapstanStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ],
        swiftSettings: strict
    ),
    .testTarget(
        name: "SEP12Tests",
        dependencies: [
            "SEP12", "CapstanCore", "CapstanHTTP", "CapstanStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ],
        swiftSettings: strict
    ),
    .testTarget(
        name: "CapstanWorkersTests",
        dependencies: [
            "CapstanWorkers", "CapstanCore", "CapstanStore", "StellarKit", "CapstanDevnet", "CapstanPluginHost", "CapstanTesting",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .testTarget(
        name: "CapstanDevnetTests",
        dependencies: [
            "CapstanDevnet", "StellarKit", "StellarHorizon",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ],
        swiftSettings: strict
    ),
    .testTarget(
        name: "StellarHorizonTests",
        dependencies: [
            "StellarHorizon", "CapstanDevnet", "StellarKit",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ],
        resources: [.copy("Fixtures")],
        swiftSettings: strict
    ),
    .testTarget(name: "CapstanCoreTests", dependencies: ["CapstanCore"], swiftSettings: strict),
    .testTarget(name: "CapstanStoreTests", dependencies: ["CapstanStore", "CapstanCore"], swiftSettings: strict),
    .testTarget(name: "CapstanPluginHostTests", dependencies: ["CapstanPluginHost", "CapstanCore", "CapstanTesting"], swiftSettings: strict),
    .testTarget(
        name: "CapstanAppTests",
        dependencies: [
            "CapstanApp", "CapstanTesting", "CapstanCore", "CapstanHTTP", "CapstanStore", "SEP1", "SEP12", "StellarKit",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Configuration", package: "swift-configuration"),
        ],
        swiftSettings: strict
    ),
]

func products(for targets: [Target]) -> [Product] {
    let names = Set(targets.map(\.name))
    var products: [Product] = []
    if names.contains("capstan") { products.append(.executable(name: "capstan", targets: ["capstan"])) }
    if names.contains("CapstanPluginKit") { products.append(.library(name: "CapstanPluginKit", targets: ["CapstanPluginKit"])) }
    if names.contains("CapstanReferencePlugin") {
        // A dynamic library: `make plugins` copies it into plugins.d/ as the reference plugin.
        products.append(.library(name: "CapstanReferencePlugin", type: .dynamic, targets: ["CapstanReferencePlugin"]))
    }
    return products
}

// Development aid: `CAPSTAN_ONLY=StellarKitTests swift test --scratch-path .build-x` builds only the named
// targets and what they depend on, so work on one module is not blocked by another module's half-done edit.
if let only = ProcessInfo.processInfo.environment["CAPSTAN_ONLY"], !only.isEmpty {
    var keep = Set(only.split(separator: ",").map(String.init))
    var changed = true
    while changed {
        changed = false
        for target in targets where keep.contains(target.name) {
            for dependency in target.dependencies {
                if case .byNameItem(let name, _) = dependency, !keep.contains(name) { keep.insert(name); changed = true }
                if case .targetItem(let name, _) = dependency, !keep.contains(name) { keep.insert(name); changed = true }
            }
        }
    }
    targets = targets.filter { keep.contains($0.name) }
}

let package = Package(
    name: "capstan",
    platforms: [.macOS(.v15)],
    products: products(for: targets),
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: targets
)
