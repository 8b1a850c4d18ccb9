import Logging
import WardTerminal
import WardUI

/// `t` on the help screen: the terminal draws the next shipped theme at once, and this
/// terminal remembers it. Runs on the UI thread (it changes the terminal).
enum ThemeSwitch {
    static func apply(_ name: String, to terminal: Terminal, memory: ThemeMemory, log: Logger) -> Msg {
        guard let theme = ThemeLoader.builtin(name) else {
            log.error("theme not shipped", metadata: ["theme": "\(name)"])
            return .themeApplied(name: terminal.theme.name, notRemembered: "\(name) is not a shipped theme")
        }
        terminal.theme = theme
        do {
            try memory.remember(name)
            log.info("theme chosen", metadata: ["theme": "\(name)", "terminal": "\(memory.terminal)"])
            return .themeApplied(name: name, notRemembered: nil)
        } catch {
            log.warning("theme not remembered", metadata: ["theme": "\(name)", "why": "\(error.message)"])
            return .themeApplied(name: name, notRemembered: error.message)
        }
    }
}
