import ArgumentParser
import Testing
@testable import wardline

/// The ward terminal's ordinary start reads its arguments without the argument parser
/// (`OpenWard(arguments:)`, a few ms of start-up); this holds that reading to the parser's.
@Suite struct OpenArgumentsTests {
    /// Starts the fast reading takes: each must mean what the parser makes of it.
    static let ordinary: [[String]] = [
        [], ["open"], ["--db", "/w/ward.sqlite"], ["--db=/w/ward.sqlite"], ["open", "--db", "a.sqlite"],
        ["--db", "a.sqlite", "--theme", "monochrome"], ["--theme=night", "--protocol", "p.toml", "--db", "x"],
        ["--protocol", "/etc/wardline/protocol.toml"], ["--db", "with space.sqlite"],
    ]

    @Test(arguments: ordinary) func theFastReadingMeansWhatTheParserMeans(_ args: [String]) throws {
        let fast = try #require(OpenWard(arguments: args))
        let parsed = try #require(try Wardline.parseAsRoot(args) as? OpenCommand)
        #expect(fast == OpenWard(db: parsed.database.db, protocol: parsed.options.protocol, theme: parsed.options.theme))
    }

    /// Everything else is left to the parser, which explains it or runs another command.
    @Test(arguments: [
        ["--help"], ["-h"], ["--version"], ["demo"], ["open", "--help"], ["--db"], ["--db", "a", "--db", "b"],
        ["--db", "--theme"], ["--db="], ["--dbx", "a"], ["--db", "a", "extra"], ["--db", "-"], ["check", "--db", "a"],
        ["--db", "a", "open"],
    ])
    func anythingElseGoesToTheParser(_ args: [String]) {
        #expect(OpenWard(arguments: args) == nil)
    }
}
