import Foundation
import Testing

/// Ctrl-L repaints the whole screen, as in every full-screen terminal program; it no longer
/// locks (L does) (issue 17, item 7).
@Suite(.serialized) struct RedrawEndToEndTests {
    @Test func ctrlLRepaintsWhatAnotherProgramScribbledOverAndDoesNotLock() throws {
        let demo = try DemoWardDB("redraw"); defer { demo.remove() }
        let tmux = try demo.openTUI(cols: 80, rows: 24)
        try tmux.signIn("N1001", "111111", landing: "Ward list")
        // Another program writes to the terminal behind Wardline's back (a wall message, a stray echo).
        let tty = try tmux.tmux(["display-message", "-p", "-t", "e2e", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let handle = try #require(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
        handle.write(Data("\u{1B}[5;1HSCRIBBLED-OVER-THE-WARD-LIST".utf8))
        try handle.close()
        try tmux.waitFor("SCRIBBLED-OVER")
        try tmux.send("C-l")
        try tmux.waitForAbsence("SCRIBBLED-OVER")
        let screen = try tmux.waitFor("Ward list")   // a capture may fall between the clear and the paint
        #expect(!screen.contains("SCRIBBLED-OVER"))
        #expect(!screen.contains("Locked") && !screen.contains("Type your PIN"), "Ctrl-L locked the terminal:\n\(screen)")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
