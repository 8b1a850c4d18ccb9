import Foundation
import Testing
@testable import WardUI

/// Compares a surface with its golden file in __Snapshots__ (text + role map).
/// `UPDATE_SNAPSHOTS=1 swift test` rewrites the files; a missing file fails.
func assertSnapshot(_ surface: Surface, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(surface.snapshot(), named: name, filePath: filePath, sourceLocation: sourceLocation)
}

/// Compares text with its golden file in __Snapshots__ (see `assertSnapshot`).
func assertGolden(_ actual: String, named name: String, filePath: String = #filePath,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
            Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(url.lastPathComponent): run UPDATE_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        Issue.record("""
            snapshot \(name) differs at line \(i + 1):
              expected: \(i < e.count ? String(e[i]) : "<end>")
              actual:   \(i < a.count ? String(a[i]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
