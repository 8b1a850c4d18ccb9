import Foundation
import Testing
@testable import WardUI
import WardCore

/// Golden snapshots (text + role map) of every screen at 80×24 and 132×43,
/// at a fixed moment with a fixed ward.
@Suite struct ScreenSnapshotTests {
    static let sizes = [Fixture.small, Fixture.large]

    @Test(arguments: sizes)
    func signIn(size: Size) {
        var d = Driver(Fixture.fresh(size))
        d.type("N1042")
        d.key(.key(.enter))
        d.type("1234")
        assertSnapshot(view(d.state), named: "signIn_\(size)")
    }

    @Test(arguments: sizes)
    func wardList(size: Size) {
        var d = Driver.signedIn(size: size)
        d.key(.key(.down))
        d.send(.tick(Fixture.now))   // clears nothing; same moment
        d.state.flash = nil
        assertSnapshot(view(d.state), named: "wardList_\(size)")
    }

    @Test(arguments: sizes)
    func chart(size: Size) {
        let d = Driver.onChart(size: size)
        assertSnapshot(view(d.state), named: "chart_\(size)")
    }

    @Test(arguments: sizes)
    func ciwabEntry(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("b"))
        d.type("21010321021")
        d.key(.char("7"))        // rejected: the message names the range
        assertSnapshot(view(d.state), named: "ciwabEntry_\(size)")
    }

    @Test func ciwabSummaryReadyToSave() {
        var d = Driver.onChart()
        d.key(.char("b"))
        d.type("21032104321032104321")
        assertSnapshot(view(d.state), named: "ciwabSummary_80x24")
    }

    @Test func ciwabDiscardQuestion() {
        var d = Driver.onChart()
        d.key(.char("b"))
        d.type("213")
        d.key(.key(.escape))
        assertSnapshot(view(d.state), named: "ciwabDiscard_80x24")
    }

    @Test(arguments: sizes)
    func lock(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("b"))
        d.type("21")
        d.key(.key(.f9))
        d.type("12")
        assertSnapshot(view(d.state), named: "lock_\(size)")
    }

    @Test func switchUser() {
        var d = Driver.onChart()
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.type("N20")
        assertSnapshot(view(d.state), named: "switchUser_80x24")
    }

    @Test func helpOverWardList() {
        var d = Driver.signedIn()
        d.key(.char("?"))
        assertSnapshot(view(d.state), named: "help_wardList_80x24")
    }

    @Test func chartInASCII() {
        var d = Driver.onChart()
        d.state.asciiOnly = true
        assertSnapshot(view(d.state), named: "chart_ascii_80x24")
    }

    @Test func tooSmallShowsNoPatientData() {
        var d = Driver.onChart()
        d.key(.resize(Size(cols: 50, rows: 12)))
        let text = d.text
        #expect(text.contains("Window too small (50×12)"))
        #expect(!text.contains("Müller"))
    }

    /// A name holding a terminal escape sequence is drawn as visible text:
    /// no cell carries ESC or BEL, and the row reads `?]2;pwned?`.
    @Test(arguments: sizes)
    func escapeSequenceInANameIsInert(size: Size) {
        var d = Driver.signedIn(size: size)
        d.key(.key(.down))
        d.key(.key(.down))   // bed 3
        var surfaces = [view(d.state)]
        d.key(.key(.enter))
        surfaces.append(view(d.state))
        d.key(.char("b"))
        surfaces.append(view(d.state))
        for s in surfaces {
            #expect(!s.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
            #expect(s.textLines().contains { $0.contains("?]2;pwned?") })
        }
    }

    /// Wide (CJK) and combining-free accented names keep the columns aligned.
    @Test func wideNamesKeepColumnsAligned() {
        let d = Driver.signedIn()
        let lines = view(d.state).textLines()
        let muller = lines.first { $0.contains("Müller") }!
        let wang = lines.first { $0.contains("王") }!
        // "Age" column: both rows have the age ending at the same display column.
        func col(_ line: String, _ needle: String) -> Int {
            let r = line.range(of: needle)!
            return DisplayWidth.of(String(line[..<r.upperBound]))
        }
        #expect(col(muller, " 68 ") == col(wang, " 55 "))
    }
}

/// The handover screens (issue #8).
@Suite struct HandoverSnapshotTests {
    static func withMarks(_ d: inout Driver) {
        guard var ward = d.state.ward else { return }
        ward.handover.marks = [HandoverFixture.mark(.handedOver, 1, by: Fixture.ben, minutesAgo: 20),
                               HandoverFixture.mark(.accepted, 1, by: Fixture.ann, minutesAgo: 5),
                               HandoverFixture.mark(.handedOver, 6, by: Fixture.ben, minutesAgo: 20)]
        d.send(.wardLoaded(ward))
    }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func handoverPreview(size: Size) {
        var d = HandoverFixture.preview(size: size)
        Self.withMarks(&d)
        d.send(.handoverRendered(HandoverFixture.document(columns: size.cols >= 132 ? 132 : 80)))
        assertSnapshot(view(d.state), named: "handoverPreview_\(size)")
    }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func handoverNote(size: Size) {
        var d = HandoverFixture.preview(size: size)
        d.key(.char("N"))
        d.type("if tremor and sweating return overnight then score CIWA-B and call the doctor on call")
        assertSnapshot(view(d.state), named: "handoverNote_\(size)")
    }

    @Test func handoverSeverity() {
        var d = Driver.onChart()
        d.key(.char("S"))
        d.key(.key(.tab)); d.key(.key(.tab)); d.key(.key(.tab))
        d.type("new confusion since noon")
        assertSnapshot(view(d.state), named: "handoverSeverity_80x24")
    }

    @Test func wardListWithHandoverMarks() {
        var d = Driver.signedIn()
        Self.withMarks(&d)
        assertSnapshot(view(d.state), named: "wardListHandover_80x24")
    }
}
