import Testing
import WardCore
@testable import WardUI

/// The ward's database server lost (a PostgreSQL failover): every screen says so in its title bar,
/// and nothing else changes — a form keeps its entries; when the server is back the banner goes and
/// the ward is read again.
@Suite struct ReconnectingTests {
    @Test(arguments: [Fixture.small, Size(cols: 132, rows: 43)])
    func theTitleSaysReconnectingAndTheFormKeepsItsEntries(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("b"))
        d.type("12301")
        let before = d.form
        #expect(d.send(.connection(reachable: false)) == [])
        #expect(d.form == before, "the entries are kept")
        let title = String(d.text.split(separator: "\n").first ?? "")
        #expect(title.contains("RECONNECTING…"), "\(title)")
        #expect(title.contains("Ann") || size.cols < 100, "who is signed in stays on the title: \(title)")
        #expect(d.send(.connection(reachable: true)) == [.loadWard])
        #expect(!d.text.contains("RECONNECTING"))
        #expect(d.form == before)
    }

    @Test func onAnASCIITerminalTheDotsAreASCII() {
        var d = Driver.signedIn()
        d.state.asciiOnly = true
        d.send(.connection(reachable: false))
        #expect(d.text.split(separator: "\n").first?.contains("RECONNECTING...") == true)
    }
}
