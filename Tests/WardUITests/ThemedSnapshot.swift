import Foundation
@testable import WardUI

/// A screen as a theme draws it on a 256-colour terminal: the text, a map
/// with one letter per distinct look (role style plus the widget's emphasis,
/// as WardTerminal combines them), and a legend giving each letter's colours
/// (palette index and xterm RGB), attributes, contrast and the roles drawn so.
func themedSnapshot(_ surface: Surface, theme: Theme, profile: ColorProfile = .c256) -> String {
    struct Look: Hashable { var style: Style }
    var letters: [Look: Character] = [:]
    var order: [Look] = []
    var roles: [Look: [SemanticRole]] = [:]
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var map: [String] = []
    for y in 0..<surface.height {
        var row = ""
        for x in 0..<surface.width {
            let cell = surface[x, y]
            var style = theme.style(for: cell.role, profile: profile)
            style.attrs.formUnion(TextAttributes(cell.emphasis))
            let look = Look(style: style)
            if letters[look] == nil {
                letters[look] = order.count < alphabet.count ? alphabet[order.count] : "?"
                order.append(look)
            }
            if !(roles[look] ?? []).contains(cell.role) { roles[look, default: []].append(cell.role) }
            row.append(letters[look]!)
        }
        map.append(row)
    }
    func colour(_ c: TerminalColor) -> String {
        guard case .index(let n) = c else { return "default     " }
        return String(format: "%3d %@", n, XtermPalette.rgb(n).description)
    }
    var legend: [String] = []
    for look in order {
        let s = look.style
        var contrast = "   —   "
        if case .index(let f) = s.fg, case .index(let b) = s.bg {
            contrast = String(format: "%5.2f:1", WCAG.ratio(XtermPalette.rgb(f), XtermPalette.rgb(b)))
        }
        let attrs = s.attrs.description.padding(toLength: 26, withPad: " ", startingAt: 0)
        let codes = (roles[look] ?? []).map { "\($0.code) \($0.rawValue)" }.joined(separator: ", ")
        legend.append("\(letters[look]!)  fg \(colour(s.fg))  bg \(colour(s.bg))  \(attrs) \(contrast)  \(codes)")
    }
    let text = surface.snapshot().split(separator: "\n", omittingEmptySubsequences: false)
        .prefix(while: { $0 != "--- roles" }).joined(separator: "\n")
    return "--- theme \(theme.name), \(profile) profile\n" + text + "\n--- looks\n" + map.joined(separator: "\n")
        + "\n--- legend\n" + legend.map { $0.replacingTrailingSpaces() }.joined(separator: "\n") + "\n"
}
