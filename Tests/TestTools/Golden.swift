import Foundation
import Testing

/// Compares text with its golden file `__Snapshots__/NAME.txt` next to the calling test file.
/// A difference is recorded as an issue at the caller naming the first differing line (expected and
/// actual); a missing file fails and says how to create it. `UPDATE_SNAPSHOTS=1 swift test` rewrites
/// the files instead of comparing.
public func assertGolden(_ actual: String, named name: String, filePath: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)
    let url = folder.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
        } catch {
            Issue.record("could not write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("missing golden file \(url.path): run UPDATE_SNAPSHOTS=1 swift test to create it",
                     sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
    Issue.record("""
        golden \(name) differs at line \(i + 1):
          expected: \(i < e.count ? String(e[i]) : "<end>")
          actual:   \(i < a.count ? String(a[i]) : "<end>")
        """, sourceLocation: sourceLocation)
}
