import Foundation
import TestTools
import Testing

/// `wardline audit anchor` and `audit verify --expect-count --expect-head`:
/// the newest events cut off with sqlite3 are found against the anchor line.
@Suite struct AuditAnchorCLITests {
    @Test func anAnchoredTrailFindsATruncation() throws {
        let demo = try DemoWardDB("anchor"); defer { demo.remove() }
        let file = demo.dir.appendingPathComponent("anchors.log").path
        let anchored = try runWardline(["audit", "anchor", "--db", demo.path, "--as", "A9001", "--to", file], input: "999999\n")
        #expect(anchored.status == 0, "\(anchored.stderr)")
        let line = try String(contentsOfFile: file, encoding: .utf8)
        #expect(line.hasSuffix("\n") && line.split(separator: "\n").count == 1)
        #expect(anchored.stdout.trimmingCharacters(in: .newlines) == line.trimmingCharacters(in: .newlines))
        func field(_ name: String) throws -> String {
            let part = try #require(line.split(separator: " ").first { $0.hasPrefix(name + "=") })
            return String(part.dropFirst(name.count + 1))
        }
        let count = try field("count"), head = try field("head")
        #expect(Int(count) ?? 0 > 100 && head.count == 64)

        let same = try runWardline(["audit", "verify", "--db", demo.path, "--as", "A9001",
                                                 "--expect-count", count, "--expect-head", head], input: "999999\n")
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Anchor matched: event \(count)"))

        // Cut the newest three events off, as an insider hiding what they did would.
        let cut = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [demo.path,
            "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq > \(Int(count)! - 3);"])
        #expect(cut.status == 0, "\(cut.stderr)")
        let found = try runWardline(["audit", "verify", "--db", demo.path, "--as", "A9001",
                                                  "--expect-count", count, "--expect-head", head], input: "999999\n")
        #expect(found.status == 1)
        #expect(found.stderr.contains("BROKEN (truncated)"), "\(found.stderr)")
        let half = try runWardline(["audit", "verify", "--db", demo.path, "--as", "A9001", "--expect-count", count])
        #expect(half.status == 64)
    }
}
