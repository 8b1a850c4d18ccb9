import Foundation

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

    /// A fresh temporary directory, removed by the caller when done.
    static func tempDir(_ tag: String) -> URL {
        let u = FileManager.default.temporaryDirectory
            .appendingPathComponent("wardline-e2e-\(tag)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}
