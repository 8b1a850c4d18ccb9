// swift-tools-version:6.1
import PackageDescription

// The release a ward deploys (issue 15: RSS on the overview ≤ 30 MB): our own modules are
// compiled for size (they are not where the time goes; the overview frame stays well under
// 1 ms), and the executable is linked by lld with packed relative relocations (DT_RELR,
// glibc ≥ 2.36), so the dynamic loader reads ~20 kB of relocations instead of ~2 MB. It
// stays a position-independent executable: it is installed setgid, so ASLR is kept.
let sizeInRelease: [SwiftSetting] = [.unsafeFlags(["-Osize"], .when(configuration: .release))]
let leanReleaseLink: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                 .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Wardline",
    products: [
        .executable(name: "wardline", targets: ["wardline"]),
        .executable(name: "wardline-bench", targets: ["wardline-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // PostgreSQL for a hospital's wards (issue 18): the wire protocol, and the NIO and TLS it runs on.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The only C in the project: a module map over ncursesw, and two small
        // loaders that dlopen libsodium and cairo/pango at first use, so that
        // building needs none of their -dev packages (only the runtime libraries).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "CSodium", path: "Sources/CSodium", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "CPangoCairo", path: "Sources/CPangoCairo", linkerSettings: [.linkedLibrary("dl")]),

        // The domain: pure Swift, no I/O, no ncurses, no SQL.
        .target(name: "WardCore",
                resources: [.embedInCode("Resources/default-protocol.toml"), .embedInCode("Resources/rcp-news2-chart.toml")],
                swiftSettings: sizeInRelease),
        // Persistence: GRDB/SQLite or a ward's PostgreSQL schema, commands, audit chain, staff secrets.
        .target(name: "WardStore", dependencies: [
            "WardCore", "CSodium", "WardPostgres",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: sizeInRelease),
        // A ward's PostgreSQL connection: the --db URL, pgpass, sslmode, the host list (the primary is
        // used, never a standby) and blocking calls with deadlines; the ward's schema. Its event-loop
        // thread starts only when a postgresql:// ward is opened.
        .target(name: "WardPostgres", dependencies: [
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: sizeInRelease),
        // The hospital's ADT feed: an HL7 v2 listener over MLLP (issue 20), on SwiftNIO.
        .target(name: "WardInterface", dependencies: [
            "WardCore", "WardStore",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: sizeInRelease),
        // Pure presentation: Surface, widgets, screens, update/view, keymap, theme model.
        .target(name: "WardUI", dependencies: ["WardCore"],
                resources: [.embedInCode("Themes/default.toml"), .embedInCode("Themes/monochrome.toml"),
                            .embedInCode("Themes/high-contrast.toml"), .embedInCode("Themes/night.toml"),
                            .embedInCode("Themes/colour-blind-safe.toml")],
                swiftSettings: sizeInRelease),
        // The ncurses backend: the ONLY importer of CNcursesw.
        .target(name: "WardTerminal", dependencies: ["WardUI", "CNcursesw"], swiftSettings: sizeInRelease),
        // Printouts: handover and downtime pack.
        .target(name: "WardReports", dependencies: ["WardCore", "CPangoCairo"], swiftSettings: sizeInRelease),
        // The executable: argument parsing, wiring, the run loop.
        .executableTarget(name: "wardline", dependencies: [
            "WardCore", "WardStore", "WardUI", "WardTerminal", "WardReports", "WardInterface",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: sizeInRelease, linkerSettings: leanReleaseLink),
        // Not a test: `swift run -c release wardline-bench` prints overview load, frame and start-up times.
        .executableTarget(name: "wardline-bench", dependencies: ["WardCore", "WardStore", "WardUI", "WardPostgres"]),

        .testTarget(name: "WardCoreTests", dependencies: ["WardCore", "TestTools"]),
        // Against a real PostgreSQL cluster: .ci/run starts one (.ci/pg-cluster); else TestTools does.
        // WardStore and GRDB: the PostgreSQL schema is checked against a fresh SQLite ward's.
        .testTarget(name: "WardPostgresTests", dependencies: [
            "WardPostgres", "TestTools", "WardStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "WardStoreTests", dependencies: ["WardStore", "WardCore", "TestTools"]),
        .testTarget(name: "WardUITests", dependencies: ["WardUI", "WardCore", "TestTools"], exclude: ["__Snapshots__"]),
        .testTarget(name: "WardTerminalTests", dependencies: ["WardTerminal", "WardUI"]),
        // Test support shared by the test targets: the one process runner, golden files, temporary folders removed
        // at exit, and the Debian packages some tests drive from outside (installed when missing, as .ci/run does).
        .target(name: "TestTools", path: "Tests/TestTools"),
        .testTarget(name: "WardReportsTests", dependencies: ["WardReports", "WardCore", "TestTools"], exclude: ["__Snapshots__"]),
        // Runs the built binary (stdin at EOF, tmux end to end, several processes).
        .testTarget(name: "EndToEndTests", dependencies: ["wardline", "WardStore", "WardCore", "WardInterface", "TestTools"]),
    ],
    swiftLanguageModes: [.v6]
)
