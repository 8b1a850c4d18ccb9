import Testing
@testable import WardUI
import WardCore

/// A dose whose conversion the protocol's tables disagree on shows the range across them, when it fits.
@Suite struct MARConflictTextTests {
    let state = Driver.signedIn(size: Fixture.large).state

    @Test func lorazepamShowsItsRangeAcrossTablesWhenItFits() throws {
        // Ashton and WHO: lorazepam 1 mg ≈ 10 mg; VA/DoD: 2 mg ≈ 10 mg, so 1 mg ≈ 5 mg (facts.md §6.2).
        let de = try state.wardProtocol.equivalence.convert(drug: "lorazepam", mg: 1).diazepamMg
        #expect(MARScreen.deText(state, drug: "lorazepam", mg: 1, de: de, width: 12) == "10 (5–10)")
        #expect(MARScreen.deText(state, drug: "lorazepam", mg: 1, de: de, width: 8) == "10")
    }

    @Test func diazepamHasNoConflict() {
        #expect(MARScreen.deText(state, drug: "diazepam", mg: 5, de: 5, width: 12) == "5")
        #expect(MARScreen.deText(state, drug: "etizolam", mg: 1, de: nil, width: 12) == "?")
    }
}
