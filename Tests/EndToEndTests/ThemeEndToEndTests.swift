import Foundation
import Testing

/// Issue 17 item 10 end to end: on one terminal, `t` on the help screen draws
/// the next theme at once and remembers it; the next start on the same
/// terminal comes up in it; a spoiled memory file only means the default (and
/// a line in the log), never a failed start.
@Suite struct ThemeEndToEndTests {
    @Test func aThemeChosenOnTheHelpScreenIsDrawnAndRememberedForThisTerminal() throws {
        let demo = try DemoWardDB("themes"); defer { demo.remove() }
        let once = "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(demo.path))"
        // Three starts one after another in one pane: the same terminal (tty) each time.
        let tmux = try Tmux(cols: 80, rows: 24, command: "export XDG_STATE_HOME=\(Tmux.quote(demo.dir.path)) "
                            + "TERM=xterm-256color; \(once); \(once); \(once)")
        let log = demo.dir.appendingPathComponent("wardline/wardline.log")
        func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        func started(_ n: Int) throws {
            let deadline = Date().addingTimeInterval(15)
            while logText().components(separatedBy: "tui started").count - 1 < n {
                guard Date() < deadline else { throw TmuxTimeout(waitingFor: "start \(n) in the log", screen: logText()) }
                usleep(50_000)
            }
        }
        func colours() throws -> String { try tmux.tmux(["capture-pane", "-p", "-e", "-t", "e2e"]) }
        let night = "38;5;137"   // the night theme's text colour

        try started(1)
        try tmux.waitFor("Sign in")
        try tmux.send("F1")
        try tmux.waitFor("Theme: default; next high-contrast")
        #expect(!(try colours()).contains(night))
        try tmux.send("t")
        try tmux.waitFor("Theme: high-contrast (remembered)")
        try tmux.send("t")
        try tmux.waitFor("Theme: night (remembered); next colour-blind-safe")
        #expect(try colours().contains(night))
        let themes = demo.dir.appendingPathComponent("wardline/terminal-themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: themes.path)
        try #require(files.count == 1, "\(files)")
        let file = themes.appendingPathComponent(files[0])
        #expect(try String(contentsOf: file, encoding: .utf8).contains("theme = \"night\"\n"))
        try tmux.send("q")   // closes the help
        try tmux.send("F10")   // quits from the sign-in screen

        try started(2)
        try tmux.waitFor("Sign in")
        #expect(try colours().contains(night), "the second start comes up in the night theme")
        try tmux.send("F1")
        try tmux.waitFor("Theme: night; next colour-blind-safe")
        #expect(logText().contains("theme night, remembered for terminal"))

        try "theme = [\n".write(to: file, atomically: true, encoding: .utf8)
        try tmux.send("q")
        try tmux.send("F10")

        try started(3)
        try tmux.waitFor("Sign in")
        try tmux.send("F1")
        try tmux.waitFor("Theme: default; next high-contrast")
        #expect(!(try colours()).contains(night))
        #expect(logText().contains("is not used (\(file.path):"), "\(logText())")
        try tmux.send("q")
        try tmux.send("F10")
        #expect(tmux.exitStatus() == 0)
    }
}
