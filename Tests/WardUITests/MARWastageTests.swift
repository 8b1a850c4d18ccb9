import Foundation
import Testing
@testable import WardUI
import WardCore

/// A part-dose wasted while giving (issue 5): `w` on the give confirmation.
@Suite struct MARWastageTests {
    /// On Müller's MAR at the 14:00 (due, 5 mg) dose's give confirmation.
    static func atConfirm(_ proto: WardProtocol = Fixture.proto) -> Driver {
        var d = MARFixture.onMAR()
        d.state.wardProtocol = proto
        d.key(.key(.down)); d.key(.key(.down)); d.key(.char("g"))
        return d
    }

    @Test func theAmountMustBeAboveZeroAndBelowTheDispensedDose() {
        var d = Self.atConfirm()
        #expect(d.mar?.step == .confirm)
        d.key(.char("w"))
        #expect(d.mar?.step == .wastage)
        #expect(d.state.keyContext == .marText)
        d.key(.key(.enter))
        #expect(d.mar?.step == .wastage && d.mar?.message?.text.contains("Type the amount wasted") == true)
        d.type("0"); d.key(.key(.enter))
        #expect(d.mar?.step == .wastage && d.mar?.pending?.wastedMg == nil)
        #expect(d.mar?.message?.text.contains("above 0 mg") == true)
        d.key(.key(.backspace)); d.type("5"); d.key(.key(.enter))
        #expect(d.mar?.step == .wastage && d.mar?.pending?.wastedMg == nil)
        #expect(d.mar?.message?.text.contains("Wasted 5 mg is not less than the 5 mg dose") == true)
        d.key(.key(.backspace)); d.type("7.5"); d.key(.key(.enter))
        #expect(d.mar?.step == .wastage && d.mar?.message?.text.contains("not less than") == true)
        #expect(d.effects.isEmpty)
    }

    @Test func onlyDigitsAndOneDecimalPointAreTyped() {
        var d = Self.atConfirm()
        d.key(.char("w"))
        d.type("2x.5.")
        #expect(d.mar?.pending?.wasteText == "2.5")
        #expect(d.mar?.message?.text.contains("digits and one decimal point") == true)
        d.key(.key(.backspace)); d.key(.key(.backspace)); d.key(.key(.backspace)); d.type(".")
        d.key(.key(.enter))
        #expect(d.mar?.step == .wastage && d.mar?.message?.text.contains("is not an amount") == true)
    }

    @Test func anAcceptedAmountNeedsTheWitnessAndTheCommandCarriesIt() throws {
        // Giving alone is allowed by this schedule; wasting is witnessed.
        var d = Self.atConfirm(MARUpdateTests.noWitness)
        #expect(d.mar?.pending?.witnessNeeded == false)
        d.key(.char("w")); d.type("2.5"); d.key(.key(.enter))
        #expect(d.mar?.step == .confirm)
        #expect(d.mar?.pending?.wastedMg == 2.5)
        #expect(d.mar?.pending?.witnessNeeded == true)
        #expect(d.text.contains("Wasted: 2.5 mg of the 5 mg dispensed"))
        d.key(.key(.enter))
        #expect(d.mar?.step == .witness)
        #expect(d.recordDose == nil)
        #expect(d.text.contains("wasting US Schedule IV (CIV) needs a witness"))
        d.type("N2077"); d.key(.key(.enter)); d.type("654321")
        #expect(!d.text.contains("654321"))
        d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(cmd.wastedMg == 2.5)
        #expect(cmd.status == .given && cmd.scheduledFor == MARFixture.at("14:00"))
        #expect(cmd.witness == WitnessCredentials(staffID: "N2077", pin: "654321"))
    }

    @Test func escapeFromTheAmountGoesBackWithoutWastage() throws {
        var d = Self.atConfirm(MARUpdateTests.noWitness)
        d.key(.char("w")); d.type("2.5"); d.key(.key(.enter))
        d.key(.char("w"))
        #expect(d.mar?.pending?.wasteText == "2.5")      // reopened to change it
        d.key(.key(.escape))
        #expect(d.mar?.step == .confirm && d.mar?.pending?.wastedMg == nil)
        d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(cmd.wastedMg == nil && cmd.witness == nil)
    }

    @Test func wastageIsOnlyForAGivenDose() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down)); d.key(.char("h")); d.key(.char("1"))
        if d.mar?.step == .note { d.type("x"); d.key(.key(.enter)) }
        #expect(d.mar?.step == .confirm)
        d.key(.char("w"))
        #expect(d.mar?.step == .confirm && d.mar?.message?.text == "Wastage is recorded with a given dose.")
    }

    @Test func theWastedAmountShowsOnTheMARLine() {
        var w = MARFixture.ward()
        var a = MARFixture.given(3, order: MARFixture.taper, scheduled: "12:00", at: "12:20")
        a.wastedMg = 2.5
        w.administrations[1]?.insert(a, at: 0)
        let d = MARFixture.onMAR(size: Fixture.large, ward: w)
        #expect(d.text.contains("2.5 mg wasted"))
    }

    @Test func marWastage() {
        var d = Self.atConfirm()
        d.key(.char("w")); d.type("2.5")
        assertSnapshot(view(d.state), named: "marWastage_80x24")
    }
}
