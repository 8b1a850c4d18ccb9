import Foundation
import Testing
@testable import WardUI
import WardCore

/// The chart shows the nearest handover's severity override and "if … then"
/// notes above its alert pane, so the bedside nurse sees them too.
@Suite struct ChartHandoverLineTests {
    static func withHandover(_ d: inout Driver, notes: Int, override level: SeverityLevel?, shift: ShiftOccurrence? = nil) {
        guard var ward = d.state.ward, let shift = shift ?? d.state.currentShift else { Issue.record("no ward or shift"); return }
        let texts = ["if tremor then score CIWA-B", "if HR over 120 then call the doctor"]
        ward.handover.notes = (0..<notes).map { n in
            HandoverNote(id: Int64(41 + n), patientID: Fixture.mullerID, shiftStart: shift.start, text: texts[n % 2],
                         writtenBy: 1, writtenByName: "Ann Okafor", writtenAt: Fixture.ago(hours: 2 - Double(n)))
        }
        if let level {
            ward.handover.overrides = [SeverityOverride(id: 7, patientID: Fixture.mullerID, shiftStart: shift.start, level: level,
                                                        reason: "new tremor", byName: "Ann Okafor", at: Fixture.ago(hours: 1))]
        }
        d.send(.wardLoaded(ward))
        d.effects = []
    }

    @Test(arguments: [Fixture.small, Fixture.large])
    func notesAndOverrideShowAboveTheAlerts(size: Size) {
        var d = Driver.onChart(size: size)
        #expect(!d.text.contains("Handover:"), "nothing on record, no line")
        Self.withHandover(&d, notes: 2, override: .watcher)
        let line = d.text.split(separator: "\n").first { $0.contains("Handover:") }.map(String.init) ?? ""
        #expect(line.contains("WATCHER (set by Ann Okafor)"), "\(line)")
        #expect(line.contains(size.cols >= 120 ? "if tremor then score CIWA-B · if HR over 120" : "if tremor then"), "\(line)")
        #expect(line.contains("(2 notes; H shows all)"), "\(line)")
        assertSnapshot(view(d.state), named: "chartHandover_\(size)")
    }

    @Test func aNoteAloneShowsWithoutASeverity() {
        var d = Driver.onChart(size: Fixture.large)
        Self.withHandover(&d, notes: 1, override: nil)
        let line = d.text.split(separator: "\n").first { $0.contains("Handover:") }.map(String.init) ?? ""
        #expect(line.contains("Handover: if tremor then score CIWA-B"), "\(line)")
        #expect(!line.contains("notes;"))
    }

    /// Before this shift has written anything, the chart shows what the last handover passed on.
    @Test func theReceivedHandoverShowsUntilThisShiftWritesItsOwn() throws {
        var d = Driver.onChart(size: Fixture.large)
        let current = try #require(d.state.currentShift)
        let previous = try #require(HandoverShift.previous(d.state.wardProtocol.shifts, before: current, calendar: d.state.calendar))
        Self.withHandover(&d, notes: 1, override: nil, shift: previous)
        let name = HandoverShift.label(previous, calendar: d.state.calendar).lowercased()
        #expect(d.text.contains("From the \(name) handover: if tremor then score CIWA-B"), "\(d.text)")
        Self.withHandover(&d, notes: 2, override: nil)
        #expect(d.text.contains("Handover: if tremor then score CIWA-B"))
        #expect(!d.text.contains("From the \(name) handover"))
    }

    /// A note written from the chart belongs to the shift on now, whichever
    /// handover the preview would open.
    @Test func aNoteFromTheChartGoesToTheShiftOnNow() throws {
        var d = Driver.onChart()
        d.send(.tick(Fixture.ago(hours: 5)))           // 09:05: early in the day shift
        let current = try #require(d.state.currentShift)
        #expect(d.state.handoverShift != current, "the preview would open the night's handover at 09:05")
        d.key(.char("N"))
        guard case .handoverEntry(let f)? = d.top else { Issue.record("no note form"); return }
        #expect(f.shift == current)
    }
}
