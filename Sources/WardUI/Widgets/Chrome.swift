import WardCore

/// The frame every screen shares: title bar (row 0), message line (second
/// last row) and the key legend (last row).
enum Chrome {
    static func titleBar(_ s: inout Surface, _ state: AppState, subtitle given: String) {
        // A ward opened from the site view says so whatever else gives way.
        let subtitle = state.viewing == nil ? given : "READ-ONLY · " + given
        s.fill(Rect(x: 0, y: 0, width: s.width, height: 1), role: .title)
        // An unapproved protocol leads the title bar on every screen. It never gives way;
        // it shortens ("⚠ UNAPPROVED") before the name of who is signed in would be dropped.
        // Then the ward's name (the same on every screen) gives way to keep the subtitle whole.
        let mark = state.asciiOnly ? "!" : "⚠"
        let ward = (state.ward.map { $0.ward.name } ?? "Wardline") + " · "
        // Next, rows of the record the program could not read (ward IT must see to them; `wardline check` lists them).
        let unreadable = state.ward?.unreadable.count ?? 0
        let dots = state.asciiOnly ? "..." : "…"
        let candidates: [(banner: String, left: String)] = state.reconnecting
            ? [(" \(mark) RECONNECTING\(dots) NOT SAVING ", ward + subtitle), (" \(mark) RECONNECTING\(dots) ", ward + subtitle),
               (" \(mark) RECONNECTING\(dots) ", subtitle)]
            : !state.wardProtocol.isApproved
            ? [(" \(mark) PROTOCOL NOT APPROVED ", ward + subtitle), (" \(mark) UNAPPROVED ", ward + subtitle),
               (" \(mark) UNAPPROVED ", subtitle)]
            : unreadable > 0
            ? [(" \(mark) \(unreadable) UNREADABLE ENTR\(unreadable == 1 ? "Y" : "IES") — CALL WARD IT ", ward + subtitle),
               (" \(mark) \(unreadable) UNREADABLE ", ward + subtitle), (" \(mark) \(unreadable) UNREADABLE ", subtitle)]
            : [("", " " + ward + subtitle)]
        // The right side gives way first (role, then the date); then the subtitle loses its last parts.
        let long = Format.longClock(state.now, state.calendar), short = Format.clock(state.now, state.calendar)
        var choices = [long]
        if let who = state.session?.staff, state.gate == nil {
            choices = ["\(who.name) (\(who.role.title))  \(long)", "\(who.name)  \(long)", "\(who.name)  \(short)", short]
        }
        var layout = (banner: "", left: "", right: "")
        for (banner, full) in candidates {
            let w = s.width - Text.width(banner)
            func fits(_ l: String, _ r: String) -> Bool { Text.width(l) + 2 + Text.width(r) + 1 <= w }
            var left = full
            var right = choices.dropLast(choices.count > 1 ? 1 : 0).first { fits(left, $0) }
            if right == nil, choices.count > 1 {
                // Keep who is signed in: drop the subtitle's last " · " parts before dropping the name.
                let named = choices[choices.count - 2]
                var parts = left.components(separatedBy: " · ")
                while parts.count > 2 && !fits(parts.joined(separator: " · "), named) { parts.removeLast() }
                if fits(parts.joined(separator: " · "), named) { left = parts.joined(separator: " · "); right = named }
            }
            layout = (banner, left, right ?? choices.last!)
            if right != nil && left == full { break }
        }
        let x0 = layout.banner.isEmpty ? 0 : s.put(layout.banner, x: 0, y: 0, role: .alertCritical, emphasis: .bold)
        let rw = Text.width(layout.right)
        s.put(layout.right, x: max(x0, s.width - rw - 1), y: 0, role: .title)
        s.put(fit: layout.left, x: x0, y: 0, width: max(0, s.width - x0 - rw - 3), role: .title, emphasis: .bold)
    }

    /// How many lines the message takes: one, or as many as it needs to be read whole, up to a
    /// third of the window (only a window too small for that ends it with "…").
    static func messageLines(_ message: Flash?, size: Size) -> Int {
        guard let m = message, size.rows >= 2 else { return 1 }
        return min(messageWrap(m.text, width: max(1, size.cols - 2)).count, max(1, (size.rows - 2) / 3))
    }

    /// Words wrapped to `width`; a word wider than the line (a file's path) is broken over lines, not cut.
    static func messageWrap(_ text: String, width: Int) -> [String] {
        var pieces: [String] = []
        for word in text.split(separator: " ") {
            var rest = Substring(word)
            while Text.width(String(rest)) > width {
                var head = "", used = 0
                for ch in rest {
                    let w = Text.width(String(ch))
                    if used + w > width { break }
                    head.append(ch); used += w
                }
                if head.isEmpty { break }
                pieces.append(head); rest = rest.dropFirst(head.count)
            }
            if !rest.isEmpty { pieces.append(String(rest)) }
        }
        return Text.wrap(pieces.joined(separator: " "), width: width)
    }

    /// The message above the legend, wrapped whole over `messageLines` lines.
    static func messageLine(_ s: inout Surface, _ message: Flash?) {
        guard let m = message, s.height >= 2 else { return }
        let count = messageLines(m, size: s.size)
        guard count > 1 else {
            s.put(fit: " " + m.text, x: 0, y: s.height - 2, width: s.width, role: m.role, emphasis: .bold)
            return
        }
        let all = messageWrap(m.text, width: max(1, s.width - 2))
        var lines = Array(all.prefix(count))
        if all.count > count { lines[count - 1] = Text.fit(lines[count - 1] + " …", s.width - 2) }
        let top = s.height - 1 - count
        for (i, line) in lines.enumerated() {
            s.fill(Rect(x: 0, y: top + i, width: s.width, height: 1), role: .text)
            s.put(fit: " " + line, x: 0, y: top + i, width: s.width, role: m.role, emphasis: .bold)
        }
    }

    static func statusLine(_ s: inout Surface, _ keymap: Keymap, _ context: KeyContext, role: StaffRole? = nil) {
        let y = s.height - 1
        guard y >= 0 else { return }
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .statusBar)
        var entries = keymap.legend(in: context, role: role)
        func width(_ e: (keys: String, words: String)) -> Int { Text.width(e.keys) + 1 + Text.width(e.words) + 2 }
        // When the legend does not fit, the help key stays, saying there are more keys than shown.
        let helpWord = keymap.bindings(in: context).first { $0.action == .help }?.legend
        if 1 + entries.map(width).reduce(0, +) > s.width, let help = entries.firstIndex(where: { $0.words == helpWord }) {
            let more = (keys: entries[help].keys, words: "more keys")
            entries.remove(at: help)
            var kept: [(keys: String, words: String)] = [], used = 1 + width(more)
            for e in entries { if used + width(e) > s.width { break }; kept.append(e); used += width(e) }
            entries = kept + [more]
        }
        var x = 1
        for entry in entries {
            if x + width(entry) > s.width { break }
            x += s.put(entry.keys, x: x, y: y, role: .keyHint, emphasis: .bold)
            x += 1
            x += s.put(entry.words, x: x, y: y, role: .statusBar)
            x += 2
        }
    }

    /// A bordered box with a blank inside, for dialogs and overlays.
    static func box(_ s: inout Surface, _ r: Rect, role: SemanticRole, ascii: Bool, title: String? = nil) {
        s.fill(r, role: role)
        guard r.width >= 2, r.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        s.put(tl + String(repeating: h, count: r.width - 2) + tr, x: r.x, y: r.y, role: .border)
        for y in (r.y + 1)..<(r.maxY - 1) {
            s.put(v, x: r.x, y: y, role: .border)
            s.put(v, x: r.maxX - 1, y: y, role: .border)
        }
        s.put(bl + String(repeating: h, count: r.width - 2) + br, x: r.x, y: r.maxY - 1, role: .border)
        if let title {
            s.put(fit: " \(title) ", x: r.x + 2, y: r.y, width: r.width - 4, role: .border, emphasis: .bold)
        }
    }

    /// A box of `width`×`height` centred on the screen (clipped to it).
    static func centered(_ s: Surface, width: Int, height: Int) -> Rect {
        let w = min(width, s.width), h = min(height, s.height - 2)
        return Rect(x: (s.width - w) / 2, y: max(1, (s.height - 2 - h) / 2), width: w, height: h)
    }
}
