import CNcursesw
import Glibc

/// The locale must be UTF-8 before ncurses starts, or wide text is garbled.
enum LocaleSetup {
    /// Applies the user's locale; if its codeset is not UTF-8, switches the
    /// character type to C.UTF-8. Returns whether UTF-8 is now in effect
    /// (if not, line drawing and non-ASCII text fall back to ASCII).
    static func prepare() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        return isUTF8()
    }

    static func isUTF8() -> Bool {
        guard let cs = shim_codeset() else { return false }
        let s = String(cString: cs).uppercased()
        return s == "UTF-8" || s == "UTF8"
    }
}
