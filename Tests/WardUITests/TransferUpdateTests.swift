import Foundation
import Testing
@testable import WardUI
import WardCore

/// Issue 19: the overview's keys for a transfer between wards — W sends (a ward to choose, then y/n),
/// an empty bed's admission offers the patients sent here, and the title bar counts them.
@Suite struct TransferUpdateTests {
    static let other = HospitalWard(code: "w9", name: "Ward 9 Medical", isSite: false, appRole: "wardline_app_w9")

    static func onOverview(size: Size = Fixture.large, _ change: (inout WardSnapshot) -> Void) -> Driver {
        var d = BoardFixture.onOverview(size: size)
        var w = BoardFixture.ward
        change(&w)
        d.send(.wardLoaded(w))
        d.state.flash = nil
        d.effects = []
        return d
    }

    @Test func aWardOfItsOwnSaysHowElseToSendAPatient() {
        var d = Self.onOverview { _ in }
        d.key(.char("W"))
        #expect(d.state.flash?.text.contains("not one of a hospital's wards") == true, "\(String(describing: d.state.flash))")
        guard case .overview = d.top else { Issue.record("left the overview: \(String(describing: d.top))"); return }
    }

    @Test func wChoosesAWardThenAsksBeforeSending() {
        var d = Self.onOverview { $0.otherWards = [Self.other]; $0.hospitalCode = "w7" }
        let patient = d.state.overviewRows(OverviewState()).first { $0.patient != nil }!.patient!
        d.key(.char("W"))
        guard case .picker(let p) = d.top else { Issue.record("no picker: \(String(describing: d.top))"); return }
        #expect(p.choices.map(\.label) == ["Ward 9 Medical (w9)"])
        #expect(d.text.contains("Send \(patient.name) with the record to"))
        d.key(.key(.enter))
        #expect(d.text.contains("Send \(patient.name) to Ward 9 Medical? y/n"))
        #expect(d.effects.isEmpty)
        d.key(.char("n"))
        #expect(d.effects.isEmpty)
        d.key(.char("W")); d.key(.key(.enter)); d.key(.char("y"))
        guard case .sendToWard(let pid, let ward, _)? = d.effects.last else { Issue.record("no send: \(d.effects)"); return }
        #expect(pid == patient.id && ward == "w9")
    }

    @Test func anEmptyBedOffersThePatientsSentHere() {
        let sent = WardTransfer(id: 42, fromWard: "w9", fromWardName: "Ward 9 Acute Medical North", toWard: "w7", toWardName: "Ward 7",
                                mrn: "100291", patientName: "Smith, Karen", sentAt: Fixture.now.addingTimeInterval(-600),
                                sentByName: "Novak, Petra", arrival: nil)
        var elsewhere = sent
        elsewhere.id = 43; elsewhere.toWard = "w3"; elsewhere.patientName = "Other, Ward"
        var d = Self.onOverview { $0.otherWards = [Self.other]; $0.hospitalCode = "w7"; $0.transfers = [sent, elsewhere] }
        #expect(d.text.contains("1 arriving (A)"), "\(d.text.prefix(200))")
        // At 80×24 too, where the title bar is tight.
        let small = Self.onOverview(size: Fixture.small) { $0.hospitalCode = "w7"; $0.transfers = [sent] }
        #expect(small.text.split(separator: "\n").first?.contains("1 arriving") == true, "\(small.text.split(separator: "\n").first ?? "")")
        d.key(.key(.end))
        let bed = d.state.overviewRows(OverviewState()).last!
        #expect(bed.isEmpty)
        d.key(.char("A"))
        guard case .picker(let p) = d.top else { Issue.record("no picker: \(String(describing: d.top))"); return }
        #expect(p.choices.count == 2 && p.choices[0].label == "A new patient (the admission form)")
        #expect(p.choices[1].label.hasPrefix("Smith, Karen (MRN 100291) from Ward 9 Acute Medical North, sent "))
        #expect(d.text.contains(p.choices[1].label), "the whole line shows at 132 columns")
        d.key(.key(.down)); d.key(.key(.enter))
        guard case .acceptTransfer(let id, let into, _)? = d.effects.last else { Issue.record("no accept: \(d.effects)"); return }
        #expect(id == 42 && into == bed.bed)
        // The first choice is the admission form, as before.
        d.key(.char("A")); d.key(.key(.enter))
        guard case .admit = d.top else { Issue.record("no admission form: \(String(describing: d.top))"); return }
    }
}
