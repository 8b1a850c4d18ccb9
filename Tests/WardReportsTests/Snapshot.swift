import Foundation
import Testing

/// Golden files under Tests/WardReportsTests/__Snapshots__, found from this
/// source file's path. UPDATE_SNAPSHOTS=1 rewrites them; a missing file fails.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try Data(actual.utf8).write(to: url) } catch {
                Issue.record("could not write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing snapshot \(url.path); run with UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(e, a)).firstIndex { $0.0 != $0.1 } ?? min(e.count, a.count)
            let exp = first < e.count ? String(e[first]) : "<end>", act = first < a.count ? String(a[first]) : "<end>"
            Issue.record("snapshot \(name) differs at line \(first + 1):\n  expected: \(exp)\n  actual:   \(act)",
                         sourceLocation: sourceLocation)
        }
    }
}
