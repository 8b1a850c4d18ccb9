import Foundation
import Glibc
import TestTools
import Testing

/// The one process runner every test target uses (TestTools' `runProcess` / `ChildProcess`).
@Suite struct ProcessRunnerTests {
    static let sh = URL(fileURLWithPath: "/bin/sh")

    /// Several MB on stderr written before anything on stdout, then several MB on stdout: a runner
    /// that read stdout to its end first would wait forever while the child blocks on a full stderr pipe.
    @Test func severalMegabytesOnBothPipesDoNotDeadlock() throws {
        let script = "head -c 5000000 /dev/zero | tr '\\0' e >&2; head -c 4000000 /dev/zero | tr '\\0' o; "
            + "head -c 3000000 /dev/zero | tr '\\0' E >&2; echo done"
        let started = Date()
        let r = try runProcess(Self.sh, ["-c", script], timeout: 60)
        #expect(!r.timedOut && r.status == 0)
        #expect(r.stderr.utf8.count == 8_000_000 && r.stdout.utf8.count == 4_000_005)
        #expect(r.stderr.hasPrefix("eee") && r.stderr.hasSuffix("EEE") && r.stdout.hasSuffix("ooodone\n"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func largeInputReachesTheChildWhileItsOutputIsRead() throws {
        let text = String(repeating: "0123456789abcdef\n", count: 200_000)   // 3.4 MB through cat and back
        let r = try runProcess(URL(fileURLWithPath: "/bin/cat"), [], input: text)
        #expect(r.status == 0 && r.stdout == text)
    }

    @Test func aChildThatOutlivesItsDeadlineIsKilled() throws {
        let started = Date()
        let r = try runProcess(Self.sh, ["-c", "echo before; exec sleep 30"], timeout: 1)
        #expect(r.timedOut && r.status == 128 + SIGKILL)
        #expect(r.stdout == "before\n")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// A daemon the child leaves behind (tmux's server) keeps the pipes open: the runner still
    /// returns once the child has exited.
    @Test func somethingLeftRunningWithThePipesDoesNotHoldTheRunner() throws {
        let started = Date()
        let r = try runProcess(Self.sh, ["-c", "sleep 20 & echo parent-done; echo warn >&2"], timeout: 30)
        #expect(r.status == 0 && r.stdout == "parent-done\n" && r.stderr == "warn\n")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aChildReadsFromAPipeTheTestWritesWhenItChooses() throws {
        let child = try ChildProcess(Self.sh, ["-c", "read a; read b; echo \"$b $a\"; exit 3"], input: .pipe)
        child.send("first\n")
        child.send("second\n")
        let r = child.finish(timeout: 10)
        #expect(r.status == 3 && r.stdout == "second first\n")
    }

    @Test func temporaryFoldersLiveInsideThisRunsFolder() throws {
        let dir = TemporaryFolders.make("runner-test")
        #expect(dir.path.hasPrefix(TemporaryFolders.root.path + "/"))
        #expect(TemporaryFolders.root.lastPathComponent == "wardline-tests-\(getpid())")
        #expect(FileManager.default.fileExists(atPath: dir.path))
    }
}
