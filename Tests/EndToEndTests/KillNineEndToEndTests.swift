import Foundation
import TestTools
import Testing

/// kill -9 in the middle of a stream of commands, on either backend: every save a process
/// acknowledged is there, the one it was killed in is there whole or not at all, and the ward
/// checks clean (the audit chain intact, every row written by its event, nothing unreadable).
@Suite(.serialized) struct KillNineEndToEndTests {
    @Test(arguments: TestBackend.both) func aWriterKilledMidCommandLosesNothingAcknowledgedAndLeavesNothingHalfDone(backend: TestBackend) throws {
        let ward = try DemoWardDB("kill9", backend: backend); defer { ward.remove() }
        let before = try ward.sql("SELECT count(*) FROM staff")
        // One shell adds staff one after the other, and says "ok ID" only after each command said it was saved.
        let script = """
            for i in $(seq 100 299); do
              printf '999999\\n424242\\n424242\\n' | \(Tmux.quote(Paths.binary.path)) staff add --db \(Tmux.quote(ward.path)) \
                --as A9001 --id K$i --name "Killed, Test $i" --role nurse >/dev/null && echo "ok K$i"
            done
            """
        let writer = try ChildProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script],
                                      environment: WardZone.environment().merging(ward.environment) { $1 })
        // Let it commit a few, then kill the wardline process in the middle of whatever it is doing, and the shell.
        let deadline = Date().addingTimeInterval(60)
        while (Int((try? ward.sql("SELECT count(*) FROM staff")) ?? "") ?? 0) < (Int(before) ?? 0) + 5 && Date() < deadline { usleep(20_000) }
        _ = try runProcess(URL(fileURLWithPath: "/usr/bin/pkill"), ["-KILL", "-f", "staff add --db \(ward.path)"])
        writer.signal(SIGKILL)
        _ = try? runProcess(URL(fileURLWithPath: "/usr/bin/pkill"), ["-KILL", "-f", "staff add --db \(ward.path)"])
        let out = writer.finish()
        let acknowledged = out.stdout.split(separator: "\n").compactMap { $0.hasPrefix("ok ") ? String($0.dropFirst(3)) : nil }
        let stored = Set(try ward.sql("SELECT staff_id FROM staff WHERE substr(staff_id, 1, 1) = 'K'").split(separator: "\n").map(String.init))
        // Killed after five commits: the fifth may be committed and not yet acknowledged (its "ok" not yet written).
        #expect(stored.count >= 5 && acknowledged.count >= 4, "\(out.stdout)")
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost)")
        // At most the one command that was killed is there without its "ok" (committed, not yet acknowledged).
        #expect(stored.count - acknowledged.count <= 1, "\(stored.subtracting(acknowledged))")
        let events = try ward.sql("SELECT count(*) FROM audit_events WHERE action = 'staff.add' AND details LIKE '%\"K%'")
        #expect(Int(events) == stored.count, "one event per stored member")
        let check = try runWardline(["check", "--db", ward.path], environment: ward.environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(ward.environment) { $1 })
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        print("kill -9 (\(backend)): \(acknowledged.count) acknowledged, \(lost.count) lost, \(stored.count - acknowledged.count) committed but not yet acknowledged")
    }
}
