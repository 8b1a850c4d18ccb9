import Testing
@testable import WardUI

@Suite struct WardUIPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
