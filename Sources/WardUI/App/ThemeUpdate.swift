extension AppState {
    /// `t` on the help screen: the next shipped theme, drawn and remembered by the executable.
    /// It counts as on at once, so keys typed before the terminal answers step on from it.
    mutating func nextTheme() -> [Effect] {
        let next = theme.next
        theme.current = next
        return [.useTheme(next)]
    }

    /// The executable drew `name`; `notRemembered` says why this terminal will not start with it next time.
    mutating func handleThemeApplied(name: String, notRemembered: String?) -> [Effect] {
        theme.current = name
        theme.notRemembered = notRemembered
        theme.changed = true
        return []
    }
}
