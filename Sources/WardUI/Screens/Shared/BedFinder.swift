import Foundation
import WardCore

/// Finding a bed on the ward list or the overview without arrowing to it: type the bed's number
/// (digits jump as they are typed: 1 then 2 is bed 12), or `/` and part of a patient's name or
/// MRN (each letter moves to the first match; Enter keeps it, Esc goes back) (issue 17, item 7).
public struct BedFinder: Sendable, Hashable {
    /// Digits typed towards a bed label.
    public var digits = ""
    /// The search text while `/` is open (nil when not searching).
    public var search: String?
    /// The bed selected when the search began (Esc returns to it).
    public var before: String?
    public init() {}

    /// The bed a digit jumps to: the bed whose label is the digits typed so far, else the first
    /// label starting with them; a digit that extends no label starts afresh.
    public mutating func jump(_ digit: Character, labels: [String]) -> String? {
        for candidate in [digits + String(digit), String(digit)] {
            if let hit = labels.first(where: { $0 == candidate }) ?? labels.first(where: { $0.hasPrefix(candidate) }) {
                digits = candidate
                return hit
            }
        }
        digits = ""
        return nil
    }

    /// Beds (in list order) whose patient's name or MRN contains `text`, ignoring case and accents.
    public static func matches(_ text: String, beds: [String], ward: WardSnapshot) -> [String] {
        let needle = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard !needle.isEmpty else { return [] }
        return beds.filter { bed in
            guard let p = ward.patient(inBed: bed) else { return false }
            return [p.name, p.mrn].contains { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(needle) }
        }
    }
}

extension AppState {
    /// Digits and `/` on the ward list and the overview: moves `selected` (a bed label) among
    /// `labels`; false when the key is not the finder's.
    mutating func findBed(_ event: InputEvent, _ finder: inout BedFinder, selected: inout String?, labels: [String]) -> Bool {
        guard let ward else { return false }
        var handled = true
        if var text = finder.search {
            switch event {
            case .char(let c) where !c.isNewline:
                text.append(c)
            case .key(.backspace), .key(.delete):
                _ = text.popLast()
            case .key(.enter):
                finder.search = nil
            case .key(.escape):
                finder.search = nil
                selected = finder.before
            default:
                break   // the search line keeps the keys until Enter or Esc
            }
            if finder.search != nil {
                finder.search = text
                let hits = BedFinder.matches(text, beds: labels, ward: ward)
                if let first = hits.first { selected = first }
                flash = Flash("Find: \(text)▏ — " + (text.isEmpty ? "type part of a name or MRN"
                                : hits.isEmpty ? "no patient matches" : "\(hits.count) match\(hits.count == 1 ? "" : "es")")
                              + " · Enter keep · Esc back", role: hits.isEmpty && !text.isEmpty ? .alertWarning : .alertInfo)
            }
        } else if event == .char("/") {
            finder.search = ""
            finder.before = selected
            flash = Flash("Find: ▏ — type part of a name or MRN · Enter keep · Esc back", role: .alertInfo)
        } else if event == .key(.escape), !finder.digits.isEmpty {
            // Esc after a bed number clears the number; it does not also leave the screen.
            finder.digits = ""
            flash = Flash("Bed number cleared.", role: .alertInfo)
        } else if case .char(let c) = event, c.isASCII, c.isNumber {
            if let bed = finder.jump(c, labels: labels) {
                selected = bed
                flash = Flash("Bed \(finder.digits)" + (bed == finder.digits ? "" : " … (type more digits)") + " — Enter opens", role: .alertInfo)
            } else {
                flash = Flash("No bed \(c) on this list.", role: .alertWarning)
            }
        } else {
            finder.digits = ""
            handled = false
        }
        return handled
    }
}
