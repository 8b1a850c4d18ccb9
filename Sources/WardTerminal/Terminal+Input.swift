import CNcursesw
import Glibc
import WardUI

extension Terminal {
    /// Waits up to `timeoutMs` for input on stdin, on `wakeFD` (the inbox's
    /// self-pipe), or for a termination signal, then returns every key
    /// available. Returns `[]` on timeout or wake-up.
    ///
    /// When stdin is at EOF or the terminal is gone, ncurses answers ERR at
    /// once forever; poll says "readable" but nothing can be read. Three such
    /// answers in a row return `[.inputClosed]`, so the app exits instead of
    /// spinning.
    public func readInput(timeoutMs: Int, wakeFD: Int32 = -1) -> [InputEvent] {
        guard !isStopped else { return [.inputClosed] }
        // Keys typed before Ctrl-C are read before it: the line discipline raised SIGINT on reaching ^C,
        // after the bytes in front of it were queued (a form's last digits count when Ctrl-C asks).
        var events = drainKeys() + interrupts()
        if !events.isEmpty { emptyReads = 0; return events }
        var timeout = Int32(clamping: max(0, timeoutMs))
        while true {
            var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)]
            if wakeFD >= 0 { fds.append(pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)) }
            if signalFD >= 0 { fds.append(pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)) }
            let rc = poll(&fds, nfds_t(fds.count), timeout)
            if rc < 0 {
                // EINTR: typically SIGWINCH; ncurses now has a KEY_RESIZE.
                return drainKeys()
            }
            if signalFD >= 0, fds.last!.revents != 0 {
                drainPipe(signalFD)
                let ctrlC = interrupts()
                if !ctrlC.isEmpty { return drainKeys() + ctrlC }
            }
            let ready = fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR | POLLNVAL) != 0
            guard ready else { emptyReads = 0; return [] }   // the streak is broken
            events = drainKeys()
            if !events.isEmpty { emptyReads = 0; return events }
            emptyReads += 1
            if emptyReads >= 3 { return [.inputClosed] }
            if receivedSignal != nil { return [] }
            timeout = 0   // look again at once: EOF answers immediately
        }
    }

    /// Ctrl-C (SIGINT) as a key event, once per signal burst.
    func interrupts() -> [InputEvent] {
        pendingInterrupt.exchange(false, ordering: .sequentiallyConsistent) ? [.ctrl("c")] : []
    }

    /// Reads every key ncurses has, without waiting.
    func drainKeys() -> [InputEvent] {
        guard let w = shim_stdscr() else { return [] }
        var out: [InputEvent] = []
        var code: UInt32 = 0
        for _ in 0..<4096 {
            let rc = shim_wget_wch(w, &code)
            if rc == ERR { break }
            if rc == KEY_CODE_YES && Int32(bitPattern: code) == KEY_RESIZE {
                previous = nil
                out.append(.resize(size))
                continue
            }
            if let e = KeyDecoding.event(status: rc, code: code) { out.append(e) }
        }
        return out
    }

    private func drainPipe(_ fd: Int32) {
        var buf = [UInt8](repeating: 0, count: 64)
        while read(fd, &buf, buf.count) > 0 {}
    }
}

/// Maps what `wget_wch` returned to an `InputEvent`.
enum KeyDecoding {
    static func event(status: Int32, code: UInt32) -> InputEvent? {
        if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: code)) }
        guard status == OK else { return nil }
        switch code {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 28...31: return .ctrl(Character(Unicode.Scalar(code + 64)!))
        default:
            guard let s = Unicode.Scalar(code), !(0x80..<0xA0).contains(code) else { return nil }
            return .char(Character(s))
        }
    }

    static func functionKey(_ k: Int32) -> InputEvent? {
        switch k {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END, KEY_LL: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        default: break
        }
        let fkeys: [Key] = [.f1, .f2, .f3, .f4, .f5, .f6, .f7, .f8, .f9, .f10]
        for (i, key) in fkeys.enumerated() where k == shim_key_f(Int32(i + 1)) { return .key(key) }
        return nil
    }
}
