import Testing
@testable import WardReports

@Suite struct WardReportsPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
