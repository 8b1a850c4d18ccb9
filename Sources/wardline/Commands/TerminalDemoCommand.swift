import ArgumentParser
import Foundation
import Glibc
import WardTerminal
import WardUI

/// Hidden: proves the terminal layer end to end (box and UTF-8 title, CJK
/// row, key echo, resize, a round trip through a worker thread and the
/// inbox, clock ticks, clean exit on q / Ctrl-C / SIGTERM / SIGHUP / EOF).
struct TerminalDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-demo",
        abstract: "Draw a test screen and echo keys (terminal check; q or Ctrl-C quits).",
        shouldDisplay: false)

    @Option(help: "Theme name or path to a theme TOML file.")
    var theme: String?

    @Option(name: .customLong("dump-screen"),
            help: "Render the screen at COLSxROWS without a terminal, print it and exit (debugging).")
    var dumpScreen: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let chosen: Theme
        do {
            chosen = try ThemeFiles.resolve(nameOrPath: theme, environment: environment)
        } catch {
            throw fail(.invalidArgument, "theme: \(error)")
        }

        if let dumpScreen {
            guard let size = TerminalDemo.parseSize(dumpScreen) else {
                throw ValidationError("--dump-screen wants COLSxROWS, for example 80x24")
            }
            let rows = try Terminal.withHeadless(rows: size.rows, cols: size.cols, theme: chosen) { t in
                t.present(TerminalDemo.view(TerminalDemo.State(size: size, now: Date()), size))
                return t.dumpScreen()
            }
            print(rows.joined(separator: "\n"))
            return
        }

        let terminal: Terminal
        do {
            terminal = try Terminal.interactive(theme: chosen, environment: environment)
        } catch {
            throw fail(.invalidArgument, "\(error)")
        }
        let inbox = Inbox<TerminalDemo.Msg>()
        var state = TerminalDemo.State(size: terminal.size, now: Date())
        let exit = runTUI(
            terminal: terminal, inbox: inbox, state: &state,
            update: TerminalDemo.update, view: TerminalDemo.view,
            perform: { effect in
                switch effect {
                case .echo(let text):
                    // Work off the UI thread; the result comes back as a message.
                    DispatchQueue.global().async { inbox.post(.echoed(text)) }
                }
            },
            message: { .input($0) },
            tick: { .tick($0) },
            shouldQuit: { $0.quit })
        terminal.stop()
        if let m = exit.message { printError(m) }
        if exit.status != .ok { throw ExitCode(exit.status) }
    }
}

/// The demo's state, messages, update and view: the same shape the real
/// screens use, small enough to read in one go.
enum TerminalDemo {
    struct State {
        var size: Size
        var now: Date
        var lastKey = "none yet"
        var keys = 0
        var resizes = 0
        var echo = "none yet"
        var quit = false
    }

    enum Msg: Sendable {
        case input(InputEvent)
        case tick(Date)
        case echoed(String)
    }

    enum Effect { case echo(String) }

    static func update(_ s: inout State, _ m: Msg) -> [Effect] {
        switch m {
        case .input(.char("q")), .input(.ctrl("c")):   // Ctrl-C arrives as a key (nothing here is ever unsaved)
            s.quit = true
            return []
        case .input(.resize(let size)):
            s.size = size
            s.resizes += 1
            s.lastKey = "RESIZE \(size)"
            return []
        case .input(let e):
            s.keys += 1
            s.lastKey = describe(e)
            return [.echo(s.lastKey)]
        case .tick(let d):
            s.now = d
            return []
        case .echoed(let text):
            s.echo = text
            return []
        }
    }

    static func describe(_ e: InputEvent) -> String {
        switch e {
        case .char(let c): "'\(c)'"
        case .key(let k): k.rawValue
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .resize(let s): "RESIZE \(s)"
        case .inputClosed: "input closed"
        }
    }

    static func view(_ s: State, _ size: Size) -> Surface {
        var out = Surface(size: size)
        guard size.cols >= 4, size.rows >= 3 else { return out }
        box(&out, Rect(x: 0, y: 0, width: size.cols, height: size.rows - 1), title: "Bett 3 – Müller ✓")
        let inner = size.cols - 4
        var y = 2
        func line(_ text: String, _ role: SemanticRole = .text) {
            guard y < size.rows - 2 else { return }
            out.put(text, x: 2, y: y, role: role, maxWidth: inner)
            y += 1
        }
        line("李 王芳 · 田中 太郎 · 김민준 · Ωμέγα")
        y += 1
        line("Key: \(s.lastKey)   (keys: \(s.keys))", .title)
        line("Echo via worker: \(s.echo)")
        line("Size: \(size)   resizes: \(s.resizes)")
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        line("Clock: \(clock.string(from: s.now))")
        y += 1
        if y < size.rows - 2 {
            var x = 2
            for (text, role) in [("!! CRITICAL", SemanticRole.alertCritical), ("OVERDUE", .doseOverdue),
                                 ("warning", .alertWarning), ("severe", .scoreSevere), ("selected", .selection)] {
                x += out.put(text, x: x, y: y, role: role, maxWidth: max(0, size.cols - 2 - x)) + 1
            }
        }
        out.fill(Rect(x: 0, y: size.rows - 1, width: size.cols, height: 1), role: .statusBar)
        out.put(" q quit · any key echoes · resize the window", x: 0, y: size.rows - 1, role: .statusBar)
        return out
    }

    static func box(_ s: inout Surface, _ r: Rect, title: String) {
        guard r.width >= 2, r.height >= 2 else { return }
        for x in r.x + 1..<r.maxX - 1 {
            s.put("─", x: x, y: r.y, role: .border)
            s.put("─", x: x, y: r.maxY - 1, role: .border)
        }
        for y in r.y + 1..<r.maxY - 1 {
            s.put("│", x: r.x, y: y, role: .border)
            s.put("│", x: r.maxX - 1, y: y, role: .border)
        }
        s.put("┌", x: r.x, y: r.y, role: .border)
        s.put("┐", x: r.maxX - 1, y: r.y, role: .border)
        s.put("└", x: r.x, y: r.maxY - 1, role: .border)
        s.put("┘", x: r.maxX - 1, y: r.maxY - 1, role: .border)
        s.put(" \(title) ", x: r.x + 2, y: r.y, role: .title, maxWidth: max(0, r.width - 4))
    }

    static func parseSize(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]),
              (1...1000).contains(c), (1...1000).contains(r) else { return nil }
        return Size(cols: c, rows: r)
    }
}
