extension AppState {
    /// `t` on the help screen: the next shipped theme, drawn and remembered by the executable.
    func nextTheme() -> [Effect] { [.useTheme(theme.next)] }

    /// The executable drew `name`; `notRemembered` says why this terminal will not start with it next time.
    mutating func handleThemeApplied(name: String, notRemembered: String?) -> [Effect] {
        theme.current = name
        theme.notRemembered = notRemembered
        theme.changed = true
        return []
    }
}
