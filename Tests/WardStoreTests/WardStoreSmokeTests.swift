import Testing
@testable import WardStore

@Suite struct WardStorePlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
