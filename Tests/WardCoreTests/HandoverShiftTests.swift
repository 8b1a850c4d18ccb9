import Foundation
import Testing
@testable import WardCore

@Suite struct HandoverShiftTests {
    static var utc: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }
    static func at(_ iso: String) -> Date { FixedClock(iso8601: iso).now() }
    var rules: ShiftRules { shipped.shifts }   // day 07:30-19:30, night 19:30-07:30

    @Test func nearestIsTheCurrentShiftPastItsMiddleElseTheOneThatEnded() throws {
        let cal = Self.utc
        // 14:05: day shift past its middle (13:30) → the day shift being prepared.
        let a = try #require(HandoverShift.nearest(rules, at: Self.at("2026-11-28T14:05:00Z"), calendar: cal))
        #expect(a.name == "day")
        #expect(a.start == Self.at("2026-11-28T07:30:00Z"))
        #expect(a.end == Self.at("2026-11-28T19:30:00Z"))
        // 20:10: night just began → the day shift that ended is being received.
        let b = try #require(HandoverShift.nearest(rules, at: Self.at("2026-11-28T20:10:00Z"), calendar: cal))
        #expect(b == a)
        // 02:00 next day: night past its middle (01:30) → the night shift that began the evening before.
        let c = try #require(HandoverShift.nearest(rules, at: Self.at("2026-11-29T02:00:00Z"), calendar: cal))
        #expect(c.name == "night")
        #expect(c.start == Self.at("2026-11-28T19:30:00Z"))
        #expect(c.end == Self.at("2026-11-29T07:30:00Z"))
        // 08:00: day just began → that night shift.
        #expect(HandoverShift.nearest(rules, at: Self.at("2026-11-29T08:00:00Z"), calendar: cal) == c)
    }

    @Test func previousAndNextChainAcrossMidnight() throws {
        let cal = Self.utc
        let night = HandoverShift.occurrence(start: ClockTime("19:30")!, end: ClockTime("07:30")!, name: "night",
                                             startingOn: Self.at("2026-11-28T12:00:00Z"), calendar: cal)
        #expect(HandoverShift.previous(rules, before: night, calendar: cal)?.start == Self.at("2026-11-28T07:30:00Z"))
        #expect(HandoverShift.next(rules, after: night, calendar: cal)?.start == Self.at("2026-11-29T07:30:00Z"))
        #expect(HandoverShift.next(rules, after: night, calendar: cal)?.name == "day")
    }

    @Test func resolveReadsNamesTimesAndDates() throws {
        let cal = Self.utc, now = Self.at("2026-11-28T14:05:00Z")
        let day = try HandoverShift.resolve(shift: "DAY", date: nil, rules: rules, now: now, calendar: cal).get()
        #expect(day.start == Self.at("2026-11-28T07:30:00Z"))
        // "night" without a date: the latest night that has begun (last evening's).
        let night = try HandoverShift.resolve(shift: "night", date: nil, rules: rules, now: now, calendar: cal).get()
        #expect(night.start == Self.at("2026-11-27T19:30:00Z"))
        let dated = try HandoverShift.resolve(shift: "night", date: "2026-11-20", rules: rules, now: now, calendar: cal).get()
        #expect(dated.start == Self.at("2026-11-20T19:30:00Z"))
        #expect(dated.end == Self.at("2026-11-21T07:30:00Z"))
        let custom = try HandoverShift.resolve(shift: "08:00-16:00", date: nil, rules: rules, now: now, calendar: cal).get()
        #expect(custom.name == nil)
        #expect(custom.interval.duration == 8 * 3600)
        #expect(HandoverShift.label(custom, calendar: cal) == "08:00-16:00")
        #expect(HandoverShift.label(day, calendar: cal) == "Day")
        let none = try HandoverShift.resolve(shift: nil, date: nil, rules: rules, now: now, calendar: cal).get()
        #expect(none == day)
    }

    @Test func resolveRefusesWithASentence() {
        let cal = Self.utc, now = Self.at("2026-11-28T14:05:00Z")
        func message(_ s: String?, _ d: String?) -> String? {
            if case .failure(let e) = HandoverShift.resolve(shift: s, date: d, rules: rules, now: now, calendar: cal) { return e.message }
            return nil
        }
        #expect(message("evening", nil) == "--shift evening is neither a shift of the ward protocol (day, night) nor HH:MM-HH:MM")
        #expect(message("07:00-07:00", nil)?.contains("same time") == true)
        #expect(message("day", "2026-02-30")?.contains("is not a date") == true)
        #expect(message(nil, "2026-11-28")?.contains("--date needs --shift") == true)
        #expect(message("night", "2026-11-28")?.contains("has not begun yet") == true)
    }

    @Test func recordsPickTheCurrentNotesAndTheNewestOverride() {
        let s = Self.at("2026-11-28T07:30:00Z")
        let n1 = HandoverNote(id: 1, patientID: 7, shiftStart: s, text: "old", writtenBy: 1, writtenByName: "A", writtenAt: s, supersededBy: 2)
        let n2 = HandoverNote(id: 2, patientID: 7, shiftStart: s, text: "new", writtenBy: 1, writtenByName: "A", writtenAt: s + 60, supersedes: 1, reason: "r")
        let n3 = HandoverNote(id: 3, patientID: 7, shiftStart: s, text: "", writtenBy: 1, writtenByName: "A", writtenAt: s + 90, supersedes: 9, reason: "r", withdrawn: true)
        let o1 = SeverityOverride(id: 1, patientID: 7, shiftStart: s, level: .unstable, reason: "a", byName: "A", at: s + 10)
        let o2 = SeverityOverride(id: 2, patientID: 7, shiftStart: s, level: nil, reason: "b", byName: "B", at: s + 20)
        let r = HandoverRecords(notes: [n3, n2, n1], overrides: [o2, o1])
        #expect(r.notes(for: 7, shiftStart: s).map(\.text) == ["new"])
        #expect(r.override(for: 7, shiftStart: s)?.id == 2)
        #expect(r.override(for: 7, shiftStart: s + 1) == nil)
        #expect(r.status(for: 7, shiftStart: s) == .none)
    }
}
