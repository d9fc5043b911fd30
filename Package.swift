// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SocialCreditSim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "simctl", targets: ["simctl"]),
        .library(name: "Sim", targets: ["Sim"]),
        .library(name: "Agents", targets: ["Agents"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "CVector"),
        .target(
            name: "Agents",
            dependencies: ["CGSL", "CVector"]
        ),
        .target(
            name: "Sim",
            dependencies: [
                "Agents",
                "CVector",
                "CZlib",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .target(name: "SimBenchmark", dependencies: ["Sim", "Agents"]),
        .executableTarget(
            name: "simctl",
            dependencies: [
                "Sim",
                "SimBenchmark",
                "Agents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AgentsTests", dependencies: ["Agents"]),
        .testTarget(name: "SimTests", dependencies: ["Sim", "CVector"]),
        .testTarget(
            name: "SimctlTests",
            dependencies: ["simctl", "Sim"],
            exclude: ["Fixtures"]  // read by path: the pinned outputs the regression tests compare against
        ),
    ],
    swiftLanguageModes: [.v6]
)
