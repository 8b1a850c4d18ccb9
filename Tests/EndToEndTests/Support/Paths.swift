import Foundation
import TestTools

/// Where the package and its freshly built binary are.
enum Paths {
    static let packageRoot: URL = {
        var u = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { u.deleteLastPathComponent() }   // Support → EndToEndTests → Tests → root
        return u
    }()

    /// The `wardline` binary built next to this test bundle (same configuration).
    static let binary: URL = {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDir.appendingPathComponent("wardline"),
            packageRoot.appendingPathComponent(".build/debug/wardline"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }()

    /// A fresh temporary directory; the caller may remove it when done, and the test process's
    /// temporary folder (TestTools' `TemporaryFolders`) goes at exit in any case.
    static func tempDir(_ tag: String) -> URL { TemporaryFolders.make(tag) }
}

/// Runs the built `wardline` (see TestTools' `runProcess`) in the ward's pinned time zone
/// (`WardZone`): `environment` (default: this process's) with `TZ` set.
@discardableResult
func runWardline(_ arguments: [String], input: String? = nil, stdinPath: String? = nil,
                 environment: [String: String]? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
    try runProcess(Paths.binary, arguments, input: input, stdinPath: stdinPath,
                   environment: WardZone.environment(environment), timeout: timeout)
}
