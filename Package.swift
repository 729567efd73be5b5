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
        .executable(name: "tvpa-workbench", targets: ["tvpa-workbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // File-descriptor writes that build on Linux and macOS alike (`Glibc.write` would not).
        .package(url: "https://github.com/apple/swift-system.git", from: "1.4.0"),
        // The workbench's HTTP server only (tvpa-workbench); neither TVPARules nor tvpa links it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Header names Hummingbird does not predefine (Content-Security-Policy, Sec-Fetch-Site).
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // Turns Rules/*.yaml into a Swift source at build time, so the shipped rules travel inside the binary.
        .executableTarget(name: "EmbedRulesTool", path: "Sources/EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .plugin(name: "EmbedWorkbench", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .target(
            name: "TVPARules",
            dependencies: [.product(name: "Yams", package: "Yams")],
            // The shipped rules compiled ahead of time; embedded by the plugin, not compiled as a source.
            exclude: ["Embedded/rules.image"],
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
        // The local web workbench: a loopback HTTP server over the library, with the page's
        // assets and the scenarios of Cases/ embedded at build time. The only network code.
        .executableTarget(
            name: "tvpa-workbench",
            dependencies: [
                "TVPARules", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedWorkbench"]
        ),
        .testTarget(name: "TVPARulesTests", dependencies: ["TVPARules"], exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TVPACLITests", dependencies: ["TVPARules"]),
        // The workbench's own logic without a socket, and the browser tests (which start the binary).
        .testTarget(name: "WorkbenchTests", dependencies: ["tvpa-workbench", "TVPARules"]),
    ]
)
