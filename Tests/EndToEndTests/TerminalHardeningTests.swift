import Foundation
import TestTools
import Testing

/// Issue 14's terminal cases on the real binary in tmux: keys ignored while the
/// window is too small, Ctrl-S inert, Ctrl-C asks when something is unsaved,
/// every terminating and fatal signal leaves a sane terminal, a crash is one line.
@Suite(.serialized) struct TerminalHardeningTests {
    /// The TUI, and after it (however it ends) `stty -a` of the same terminal into a file.
    /// `exitStatus()` is the TUI's status, not stty's.
    static func tui(_ demo: DemoWardDB, cols: Int = 80, rows: Int = 24) throws -> (Tmux, URL) {
        let stty = demo.dir.appendingPathComponent("stty-\(UUID().uuidString.prefix(6)).txt")
        let t = try Tmux(cols: cols, rows: rows,
                         command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(demo.path)); rc=$?; "
                            + "stty -a > \(Tmux.quote(stty.path)); (exit $rc)",
                         environment: ["XDG_STATE_HOME": demo.dir.path])
        return (t, stty)
    }

    static func pid(of demo: DemoWardDB) throws -> pid_t {
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "^\(Paths.binary.path) --db \(demo.path)$"])
        return try #require(pid_t(r.stdout.split(separator: "\n").first ?? ""), "the TUI's pid: \(r.stdout)\(r.stderr)")
    }

    static func sane(_ stty: URL) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try? String(contentsOf: stty, encoding: .utf8))?.isEmpty ?? true { usleep(50_000) }
        let text = try String(contentsOf: stty, encoding: .utf8)
        let flags = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo") && flags.contains("ixon") && flags.contains("icrnl"),
                "the shell gets its terminal back: \(text)")
        return text
    }

    @Test func keysAreIgnoredWhileTheWindowIsTooSmall() throws {
        let demo = try DemoWardDB("tiny"); defer { demo.remove() }
        let before = try demo.sql("SELECT count(*) FROM assessments")
        let (t, _) = try Self.tui(demo)
        try t.openChart(row: 0, patient: "Müller, Grete")
        try t.tmux(["resize-window", "-t", "e2e", "-x", "40", "-y", "10"])
        try t.waitFor("Keys are ignored")
        try t.type("b"); try t.type(String(repeating: "4", count: 20)); try t.send("Enter")
        try t.type("y"); try t.send("Enter")
        usleep(500_000)
        #expect(try demo.sql("SELECT count(*) FROM assessments") == before, "a blind CIWA-B was not saved")
        try t.tmux(["resize-window", "-t", "e2e", "-x", "80", "-y", "24"])
        let chart = try t.waitFor("b CIWA-B")
        #expect(!chart.contains("New CIWA-B"), "no form was opened behind the message")
    }

    @Test func aTerminalStartedTooSmallTakesNoSignInBlind() throws {
        let demo = try DemoWardDB("tinystart"); defer { demo.remove() }
        let (t, _) = try Self.tui(demo, cols: 40, rows: 10)
        let tiny = try t.waitFor("Keys are ignored")
        #expect(tiny.contains("Window too small (40×10)") && tiny.contains("at least 60×16"), "\(tiny)")
        try t.enterCredentials("N1001", "111111")   // typed blind: the window is too small
        usleep(500_000)
        try t.tmux(["resize-window", "-t", "e2e", "-x", "80", "-y", "24"])
        let screen = try t.waitFor("Sign in")
        #expect(!screen.contains("N1001") && !screen.contains("Müller"), "nothing was typed into the sign-in: \(screen)")
        try t.signIn("N1001", "111111", landing: "Müller, Grete")   // and now keys act
    }

    @Test func ctrlSDoesNotFreezeTheScreen() throws {
        let demo = try DemoWardDB("ixon"); defer { demo.remove() }
        let (t, _) = try Self.tui(demo)
        try t.signIn("N1001", "111111", landing: "Müller, Grete")
        try t.send("C-s")
        try t.send("Enter")                   // with XON/XOFF on, output would stop here
        try t.waitFor("b CIWA-B", timeout: 5)
        try t.send("C-q")
    }

    @Test func ctrlBackslashDoesNotEndTheProgramOrDropAForm() throws {
        let demo = try DemoWardDB("vquit"); defer { demo.remove() }
        let (t, stty) = try Self.tui(demo)
        try t.openChart(row: 0, patient: "Müller, Grete")
        try t.send("b"); try t.waitFor("New CIWA-B"); try t.type("21")
        try t.send("C-\\")                   // with VQUIT on: SIGQUIT, the form's entries gone
        try t.type("3")                       // still the same form, still taking keys
        usleep(300_000)
        #expect(t.exitStatus(timeout: 0.5) == nil, "Ctrl-\\ did not end the program")
        try t.send("Escape"); try t.waitFor("Discard")
        try t.send("y"); try t.waitFor("b CIWA-B")
        try t.send("C-c")
        #expect(t.exitStatus() == 0)
        let text = try Self.sane(stty)
        #expect(text.contains("quit = ^\\;"), "the shell's Ctrl-\\ is back: \(text)")
    }

    /// Keys typed while the program is busy and then Ctrl-C: the keys are not thrown away by the
    /// terminal (NOFLSH), so the form they started counts and Ctrl-C asks instead of quitting.
    @Test func keysTypedJustBeforeCtrlCAreNotLostWhileTheProgramIsBusy() throws {
        let demo = try DemoWardDB("busyctrlc"); defer { demo.remove() }
        let (t, _) = try Self.tui(demo)
        try t.openChart(row: 0, patient: "Müller, Grete")
        try t.send("b"); try t.waitFor("New CIWA-B")
        let pid = try Self.pid(of: demo)
        kill(pid, SIGSTOP)                    // busy: nothing is read while the keys and Ctrl-C arrive
        try t.type("21"); try t.send("C-c")
        usleep(200_000)
        kill(pid, SIGCONT)
        try t.waitFor("Quit anyway? y/n")
        try t.send("n"); try t.waitFor("2 of 20 scored")
        try t.send("Escape"); try t.waitFor("Discard"); try t.send("y"); try t.waitFor("b CIWA-B")
        try t.send("C-c")
        #expect(t.exitStatus() == 0)
    }

    @Test func ctrlCAsksWhenAFormHasEntriesAndQuitsWhenNothingIsUnsaved() throws {
        let demo = try DemoWardDB("ctrlc"); defer { demo.remove() }
        let (t, stty) = try Self.tui(demo)
        try t.openChart(row: 0, patient: "Müller, Grete")
        try t.send("b"); try t.waitFor("New CIWA-B"); try t.type("21")
        try t.send("C-c")
        try t.waitFor("Quit anyway? y/n")
        try t.send("n")
        try t.waitFor("New CIWA-B")
        try t.send("Escape"); try t.waitFor("Discard")   // the form asks before dropping its entries
        try t.send("y")
        try t.waitFor("b CIWA-B")
        try t.send("C-c")
        #expect(t.exitStatus() == 0, "nothing unsaved: Ctrl-C quits like q")
        _ = try Self.sane(stty)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGQUIT, SIGPIPE])
    func aSignalLeavesASaneTerminal(_ signal: Int32) throws {
        let demo = try DemoWardDB("sig\(signal)"); defer { demo.remove() }
        let (t, stty) = try Self.tui(demo)
        try t.waitFor("Sign in")
        let pid = try Self.pid(of: demo)
        kill(pid, signal)
        if signal == SIGPIPE {
            usleep(300_000)
            #expect(kill(pid, 0) == 0, "SIGPIPE is dropped: the terminal keeps running")
            // Caught rather than ignored, so a program it starts (lp) does not inherit "ignored".
            let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            func mask(_ key: String) -> UInt64 {
                let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
                return UInt64(line.split(separator: "\t").last ?? "", radix: 16) ?? 0
            }
            let bit = UInt64(1) << (SIGPIPE - 1)
            #expect(mask("SigCgt") & bit != 0 && mask("SigIgn") & bit == 0, "\(status)")
            kill(pid, SIGTERM)
        }
        #expect(t.exitStatus() == 128 + (signal == SIGPIPE ? SIGTERM : signal))
        _ = try Self.sane(stty)
        let names = [SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGALRM: "SIGALRM",
                     SIGQUIT: "SIGQUIT", SIGPIPE: "SIGTERM"]
        let after = try t.tmux(["capture-pane", "-p", "-t", "e2e", "-S", "-"])
        #expect(after.contains("wardline: stopped by signal \(names[signal]!)"),
                "ended by the run loop (its own message), not killed by the signal: \(after)")
    }

    @Test(arguments: [SIGSEGV, SIGILL, SIGABRT])
    func aCrashIsOneLineAndTheTerminalIsRestored(_ signal: Int32) throws {
        let demo = try DemoWardDB("crash\(signal)"); defer { demo.remove() }
        let (t, stty) = try Self.tui(demo)
        try t.signIn("N1001", "111111", landing: "Müller, Grete")
        let started = Date()
        kill(try Self.pid(of: demo), signal)
        let screen = try t.waitFor("stopped by an internal fault", timeout: 10)
        #expect(Date().timeIntervalSince(started) < 5, "no 30-second wait for a key")
        #expect(!screen.contains("Backtracing") && !screen.contains(".swift:"), "no backtrace with source paths: \(screen)")
        _ = try Self.sane(stty)
        let log = try String(contentsOf: demo.dir.appendingPathComponent("wardline/wardline.log"), encoding: .utf8)
        let line = try #require(log.split(separator: "\n").first { $0.contains("stopped by an internal fault") }, "\(log)")
        #expect(line.contains(", signal \(signal)). The terminal is restored"), "\(line)")
        #expect(line.dropFirst(20).hasPrefix(" critical [wardline] ") && line.prefix(20).hasSuffix("Z"),
                "stamped like every other log line: \(line)")
    }

    /// Two terminals of one account share a log: each line lands whole at the end (O_APPEND), none is overwritten.
    @Test func twoTerminalsSharingALogKeepEveryLine() throws {
        let demo = try DemoWardDB("sharedlog"); defer { demo.remove() }
        let (a, _) = try Self.tui(demo)
        let (b, _) = try Self.tui(demo)
        try a.waitFor("Sign in"); try b.waitFor("Sign in")     // both have the (empty) log open now
        try b.signIn("N1001", "111111", landing: "Müller, Grete")
        try a.signIn("C2001", "222222", landing: "Müller, Grete")
        try b.send("q"); try a.send("q")
        _ = a.exitStatus(); _ = b.exitStatus()
        let log = try String(contentsOf: demo.dir.appendingPathComponent("wardline/wardline.log"), encoding: .utf8)
        let signIns = log.split(separator: "\n").filter { $0.contains("sign-in") && !$0.contains("refused") }
        #expect(signIns.count == 2, "\(log)")
    }
}
