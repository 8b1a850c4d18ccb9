import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct SignInUpdateTests {
    @Test func theAppStartsAtSignInWithNoPatientData() {
        let d = Driver(Fixture.fresh())
        #expect(d.state.session == nil)
        #expect(d.state.gate == .signIn(SignInForm()))
        #expect(!d.text.contains("Müller"))
        #expect(!d.text.contains("MRN"))
    }

    @Test func staffIDThenPINShownAsDotsThenSignInEffect() {
        var d = Driver(Fixture.fresh())
        d.type("N1042")
        #expect(d.text.contains("N1042"))
        d.key(.key(.enter))
        d.type("918273")
        #expect(d.text.contains("●●●●●●"))
        #expect(!d.text.contains("918273"))
        let fx = d.key(.key(.enter))
        #expect(fx == [.signIn(staffID: "N1042", secret: "918273")])
        #expect(d.text.contains("Signing in…"))
        // Keys wait while the sign-in is checked.
        d.type("5")
        guard case .signIn(let f) = d.state.gate else { Issue.record("gate gone"); return }
        #expect(f.pin == "918273")
    }

    @Test func backspaceTabAndEscEditTheFields() {
        var d = Driver(Fixture.fresh())
        d.type("N10x")
        d.key(.key(.backspace))
        d.type("42")
        d.key(.key(.tab))
        d.type("12")
        guard case .signIn(let f) = d.state.gate else { Issue.record("gate gone"); return }
        #expect(f.staffID == "N1042")
        #expect(f.pin == "12")
        #expect(f.field == .pin)
        d.key(.key(.escape))
        #expect(d.state.gate == .signIn(SignInForm()))
    }

    @Test func aLetterInADigitsOnlyPINIsRefusedWithAMessage() {
        var d = Driver(Fixture.fresh())
        d.type("N1")
        d.key(.key(.enter))
        d.type("12a")
        guard case .signIn(let f) = d.state.gate else { Issue.record("gate gone"); return }
        #expect(f.pin == "12")
        #expect(f.message?.text == "The PIN is digits only.")
    }

    @Test func enterWithEmptyFieldsSendsNothing() {
        var d = Driver(Fixture.fresh())
        #expect(d.key(.key(.enter)).isEmpty)
        d.type("N1")
        d.key(.key(.enter))
        #expect(d.key(.key(.enter)).isEmpty)
        #expect(d.effects.isEmpty)
    }

    @Test func aRefusalIsShownAsGivenAndThePINCleared() {
        var d = Driver(Fixture.fresh())
        d.type("N1042")
        d.key(.key(.enter))
        d.type("000000")
        d.key(.key(.enter))
        let msg = "Sign-in refused: staff ID or PIN not recognised."
        d.send(.signInResult(.failure(CommandRefusal(.locked, msg))))
        guard case .signIn(let f) = d.state.gate else { Issue.record("gate gone"); return }
        #expect(f.pin.isEmpty)
        #expect(f.staffID == "N1042")
        #expect(!f.pending)
        #expect(d.text.contains(msg))
        #expect(d.state.session == nil)
    }

    /// The store's real lockout message (three lines at 80 columns) is shown whole: the box grows.
    @Test func theStoresLockoutMessageIsShownWholeAt80Columns() {
        var d = Driver(Fixture.fresh(Fixture.small))
        d.type("N1042"); d.key(.key(.enter)); d.type("000000"); d.key(.key(.enter))
        let msg = "Too many failed sign-ins: this staff ID is locked for 15 more minutes. Ask the charge nurse if you need to sign in sooner."
        d.send(.signInResult(.failure(CommandRefusal(.locked, msg))))
        let rows = d.text.split(separator: "\n")
        guard let start = rows.firstIndex(where: { $0.contains("Too many failed sign-ins:") }) else {
            Issue.record("the start of the lockout message is cut:\n\(d.text)"); return
        }
        let shown = rows[start...].prefix(3).map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }
        #expect(shown.joined(separator: " ").hasPrefix(msg), "\(d.text)")
    }

    /// A long refusal (a lockout) is wrapped inside the box at 80×24, never cut off.
    @Test func aLongRefusalIsShownWholeAt80Columns() {
        var d = Driver(Fixture.fresh(Fixture.small))
        d.type("N1042"); d.key(.key(.enter)); d.type("000000"); d.key(.key(.enter))
        let msg = "Too many wrong PINs: this staff ID is locked until 14:20. Ask the charge nurse if it is urgent."
        d.send(.signInResult(.failure(CommandRefusal(.locked, msg))))
        let rows = d.text.split(separator: "\n")
        let start = rows.firstIndex { $0.contains("Too many wrong PINs:") }
        #expect(start != nil, "\(d.text)")
        if let start {
            let shown = rows[start...].prefix(2).map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }
            #expect(shown.joined(separator: " ") == msg, "\(d.text)")
        }
        #expect(!d.text.contains("…"))
    }

    @Test func successOpensTheWardListAndReloads() {
        var d = Driver(Fixture.fresh())
        d.type("N1042")
        d.key(.key(.enter))
        d.type("123456")
        d.key(.key(.enter))
        let fx = d.send(.signInResult(.success(Fixture.ann)))
        #expect(fx == [.loadWard])
        #expect(d.state.gate == nil)
        #expect(d.state.session == Session(staff: Fixture.ann, terminal: "tty-test"))
        #expect(d.top == .wardList(WardListState()))
        #expect(d.text.contains("Müller, Grete"))
    }

    @Test func aLateAnswerNobodyWaitsForIsIgnored() {
        var d = Driver(Fixture.fresh())
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.state.session == nil)
    }

    @Test func f10QuitsFromSignIn() {
        var d = Driver(Fixture.fresh())
        #expect(d.key(.key(.f10)) == [.quit])
    }

    @Test func inputClosedQuits() {
        var d = Driver.signedIn()
        #expect(d.key(.inputClosed) == [.quit])
    }
}

@Suite struct WardListAndChartUpdateTests {
    @Test func moveWithArrowsAndJKThenOpen() {
        var d = Driver.signedIn()
        d.key(.key(.down))
        d.key(.char("j"))
        d.key(.char("k"))
        #expect(d.top == .wardList(WardListState(selected: 1)))
        d.key(.key(.enter))
        #expect(d.top == .chart(ChartState(patientID: 2)))
        d.key(.key(.escape))
        #expect(d.top == .wardList(WardListState(selected: 1)))
    }

    @Test func selectionStopsAtBothEnds() {
        var d = Driver.signedIn()
        d.key(.key(.up))
        #expect(d.top == .wardList(WardListState(selected: 0)))
        for _ in 0..<20 { d.key(.key(.down)) }
        #expect(d.top == .wardList(WardListState(selected: 7)))
    }

    @Test func anEmptyBedDoesNotOpen() {
        var d = Driver.signedIn()
        for _ in 0..<3 { d.key(.key(.down)) }   // bed 4
        d.key(.key(.enter))
        #expect(d.top == .wardList(WardListState(selected: 3)))
        #expect(d.state.flash?.text == "Bed 4 is empty.")
    }

    @Test func qQuitsAtOnceWithoutDrafts() {
        var d = Driver.signedIn()
        #expect(d.key(.char("q")) == [.quit])
    }

    @Test func helpOverlayOpensAndCloses() {
        var d = Driver.signedIn()
        d.key(.char("?"))
        #expect(d.state.showingHelp)
        #expect(d.text.contains("Open the selected patient's chart"))
        d.key(.char("j"))   // keys under help do nothing
        #expect(d.top == .wardList(WardListState(selected: 0)))
        d.key(.key(.escape))
        #expect(!d.state.showingHelp)
    }

    @Test func storeChangedAsksForAReload() {
        var d = Driver.signedIn()
        #expect(d.send(.storeChanged) == [.loadWard])
    }

    @Test func aReloadedSmallerWardKeepsTheSelectionInside() {
        var d = Driver.signedIn()
        for _ in 0..<7 { d.key(.key(.down)) }
        var w = Fixture.ward
        w.ward.beds = Array(w.ward.beds.prefix(3))
        d.send(.wardLoaded(w))
        #expect(d.top == .wardList(WardListState(selected: 2)))
    }

    @Test func chartHistoryScrollsAndStopsAtTheEnd() {
        var d = Driver.onChart()
        for _ in 0..<50 { d.key(.key(.down)) }
        guard case .chart(let c) = d.top else { Issue.record("not on chart"); return }
        let lines = ChartHistory.lines(d.state.ward, Fixture.mullerID).count
        #expect(c.scroll == max(0, lines - ChartView.historyRows(d.state, c)))
        for _ in 0..<50 { d.key(.key(.up)) }
        #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID, scroll: 0)))
    }

    @Test func historyIsNewestFirstWithTheReplacedValueUnderItsCorrection() {
        let lines = ChartHistory.lines(Fixture.ward, Fixture.mullerID)
        #expect(lines.map(\.entry.id) == [107, 106, 105, 106, 104, 103, 102, 101])
        #expect(lines.map(\.kind) == [.current(corrected: false), .current(corrected: true), .replaced, .reason,
                                       .current(corrected: false), .current(corrected: false),
                                       .current(corrected: false), .current(corrected: false)])
        #expect(lines[3].reason == "item scores typed for wrong patient")
        let voided = ChartHistory.lines(Fixture.ward, 6)
        #expect(voided.map(\.kind) == [.enteredInError, .current(corrected: false)])
        // The trend counts only current entries.
        #expect(ChartHistory.trend(Fixture.ward, 6) == [45])
        #expect(ChartHistory.trend(Fixture.ward, Fixture.mullerID) == [29, 41, 44, 38, 22, 12])
    }
}

@Suite struct RedactionTests {
    @Test func printedEffectsAndFormsNeverShowThePIN() {
        var d = Driver(Fixture.fresh())
        d.type("N1042")
        d.key(.key(.enter))
        d.type("918273")
        d.key(.key(.enter))
        let printed = "\(d.effects) \(String(reflecting: d.effects)) \(String(describing: d.state.gate))"
        #expect(printed.contains("N1042"))
        #expect(!printed.contains("918273"))
    }
}
