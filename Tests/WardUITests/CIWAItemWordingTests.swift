import Testing
import WardCore
@testable import WardUI

/// Every CIWA-B item's wording is on screen whole at 80×24 while it is being scored (issue 17, item 3:
/// item 18 was cut).
@Suite struct CIWAItemWordingTests {
    @Test func eachItemIsReadWholeAt80Columns() {
        var d = Driver.onChart(size: Fixture.small)
        d.key(.char("b"))
        guard let items = d.form?.definition.items else { Issue.record("no CIWA-B form"); return }
        for (i, item) in items.enumerated() {
            #expect(d.form?.cursor == i)
            let screen = d.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(screen.contains("\(i + 1). \(item.label) ("), "item \(i + 1) is cut:\n\(d.text)")
            d.key(.char("1"))
        }
    }
}
