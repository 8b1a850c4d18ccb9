/// Plain-ASCII stand-ins for the interface's own symbols, for terminals
/// without UTF-8 (`AppState.asciiOnly`). Text from the data (names) is left
/// alone: the backend decides how to show what it cannot draw.
enum ASCIIFallback {
    static let map: [String: String] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "▶": ">", "▲": "^", "▼": "v", "⚠": "!", "●": "*", "→": ">", "←": "<",
        "↑": "^", "↓": "v", "—": "-", "–": "-", "·": ".", "…": "~", "“": "\"", "”": "\"", "†": "+",
    ]

    static func apply(_ s: inout Surface) {
        for y in 0..<s.height {
            for x in 0..<s.width {
                let c = s[x, y]
                if c.width == 1, let r = map[c.text] { s[x, y].text = r }
            }
        }
    }
}
