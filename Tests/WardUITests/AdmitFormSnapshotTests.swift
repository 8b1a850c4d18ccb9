import Testing
@testable import WardCore
@testable import WardUI

@Suite struct AdmitFormSnapshotTests {
    /// The admission form at 80×24 with several substances: the preview line
    /// reads the list back with the admission diazepam equivalent.
    @Test func admitFormWithSeveralSubstances() {
        var d = BoardFixture.onOverview(size: Fixture.small)
        d.key(.char("s"))   // sort by bed: empty beds are last
        for _ in 0..<30 { d.key(.key(.down)) }
        d.key(.char("A"))
        guard case .admit? = d.top else { Issue.record("no admission form"); return }
        for v in ["MRN-77", "Doe, Jane", "1981-02-03", "f"] { d.type(v); d.key(.key(.enter)) }
        d.key(.key(.enter))
        d.type("clonazepam 4 mg/d 3 y last 2026-11-27 rx; alcohol 1 bottle wine/d 10 y")
        assertSnapshot(view(d.state), named: "admitForm_80x24")
        d.type("; heroin 2 g")
        guard case .admit(let f)? = d.top else { return }
        #expect(AdmitView.preview(f.fields.values[5], d.state)?.text == "Substance 3 (heroin 2 g): write the amount per day with /d, e.g. heroin 4 mg/d 3 y.")
    }
}
