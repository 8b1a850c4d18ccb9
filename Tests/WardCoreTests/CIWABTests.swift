import Testing
@testable import WardCore

@Suite struct CIWABTests {
    @Test func allOnesIsTwenty() throws {
        #expect(try ScaleDefinition.ciwaB.total(Array(repeating: 1, count: 20)) == 20)
    }
    @Test func allFoursIsEighty() throws {
        #expect(try ScaleDefinition.ciwaB.total(Array(repeating: 4, count: 20)) == 80)
    }
    @Test(arguments: [-1, 5, 9])
    func outOfRangeItemIsRejectedNamingTheItem(bad: Int) {
        var items = Array(repeating: 0, count: 20)
        items[6] = bad
        #expect(throws: ItemScoreError.self) { try ScaleDefinition.ciwaB.total(items) }
        do { _ = try ScaleDefinition.ciwaB.total(items) } catch {
            #expect(error.message.contains("item 7"))
            #expect(error.message.contains("0–4"))
        }
    }
    @Test func wrongItemCountIsRejected() {
        #expect(throws: ItemScoreError.self) { try ScaleDefinition.ciwaB.total([1, 2, 3]) }
    }
    @Test func defaultProtocolLoadsAndBandsFollowIt() {
        let p = ProtocolLoader.builtInDefault()
        #expect(p.band(.ciwaB, total: 0)?.name == "none")
        #expect(p.band(.ciwaB, total: 20)?.name == "mild")
        #expect(p.band(.ciwaB, total: 21)?.name == "moderate")
        #expect(p.band(.ciwaB, total: 80)?.name == "very severe")
    }
}
