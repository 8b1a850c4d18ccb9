import Foundation
import TestTools
import Testing

/// Issue 15: the release a ward deploys is built with the Swift runtime linked
/// in (`--static-swift-stdlib`), so a ward terminal needs no Swift toolchain.
/// This builds it (a scratch path of its own) and runs it with /opt/swift
/// hidden behind an empty mount. Needs root for the mount, as CI runs.
@Suite(.serialized) struct StaticBuildTests {
    @Test(.timeLimit(.minutes(40)))
    func theStaticReleaseRunsWithoutTheToolchain() throws {
        let root = Paths.packageRoot
        let scratch = root.appendingPathComponent(".build-static")
        let swift = URL(fileURLWithPath: "/usr/bin/env")
        // SwiftPM's lock files and the driver's TemporaryDirectory.* folders go in a test folder, not /tmp.
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = Paths.tempDir("static-build-tmp").path
        let built = try runProcess(swift, ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "wardline",
                                           "--package-path", root.path, "--scratch-path", scratch.path],
                                   environment: env, timeout: 2400)
        try #require(built.status == 0, "static release build failed:\n\(built.stdout.suffix(2000))\n\(built.stderr.suffix(2000))")
        let binary = scratch.appendingPathComponent("release/wardline").path

        let dynamic = try runProcess(URL(fileURLWithPath: "/usr/bin/readelf"), ["-d", binary])
        #expect(dynamic.status == 0)
        let needed = dynamic.stdout.split(separator: "\n").filter { $0.contains("NEEDED") || $0.contains("RUNPATH") || $0.contains("RPATH") }
        #expect(!needed.contains { $0.contains("libswift") || $0.contains("libFoundation") || $0.contains("/opt/swift") },
                "no Swift runtime library or toolchain path: \(needed.joined(separator: "\n"))")
        // The lean link (Package.swift): packed relative relocations, and still position-independent
        // (the program is installed setgid, so it keeps ASLR).
        #expect(dynamic.stdout.contains("(RELR)"), "no packed relative relocations:\n\(dynamic.stdout)")
        let header = try runProcess(URL(fileURLWithPath: "/usr/bin/readelf"), ["-h", binary])
        #expect(header.stdout.contains("DYN (Position-Independent Executable file)"), "\(header.stdout)")

        // /opt/swift hidden: an empty tmpfs mounted over it in a mount namespace of this command only.
        let dir = Paths.tempDir("static"); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ward.sqlite").path
        let script = """
            set -e
            mount -t tmpfs none /opt/swift
            test ! -e /opt/swift/usr/lib/swift/linux/libswiftCore.so
            env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \(binary) --version
            env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=\(dir.path) \(binary) demo --db \(db) --create-only
            env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \(binary) check --db \(db)
            """
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/unshare"), ["-m", "/bin/sh", "-c", script], timeout: 300)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("demo ward created") && run.stdout.contains("clean"), "\(run.stdout)")
    }
}
