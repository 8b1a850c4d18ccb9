import Testing
@testable import WardTerminal

@Suite struct WardTerminalPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
