// swift-tools-version:6.0
import PackageDescription

// `TVPA_FUZZ=1 swift build …` (scripts/fuzz) instruments the library for libFuzzer and
// AddressSanitizer; only the library, since the flag breaks the link of the build-time
// rules-embedding tool. The fuzz entry points in Fuzz/ are linked against it with swiftc.
let fuzzing = Context.environment["TVPA_FUZZ"] == "1"

let package = Package(
    name: "tvpa",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TVPARules", targets: ["TVPARules"]),
        .executable(name: "tvpa", targets: ["tvpa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // File-descriptor writes that build on Linux and macOS alike (`Glibc.write` would not).
        .package(url: "https://github.com/apple/swift-system.git", from: "1.4.0"),
    ],
    targets: [
        // Turns Rules/*.yaml into a Swift source at build time, so the shipped rules travel inside the binary.
        .executableTarget(name: "EmbedRulesTool", path: "Sources/EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .target(
            name: "TVPARules",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-enable-testing"])] : [],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "tvpa",
            dependencies: [
                "TVPARules", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            // A release binary that runs without the Swift toolchain: the Swift runtime and
            // Foundation linked in (both flags are needed; the linker flag alone fails on
            // Foundation's ICU). It then needs only the system's libc, libstdc++ and libgcc.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "TVPARulesTests", dependencies: ["TVPARules"], exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TVPACLITests", dependencies: ["TVPARules"]),
    ]
)
