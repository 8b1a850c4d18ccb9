import Testing
import WardTerminal
import WardUI

/// Keys written as real terminal bytes into the screen's input pipe.
@Suite(.serialized) struct KeyInputTests {
    /// Reads until `count` events arrived or a read returns nothing.
    func read(_ t: Terminal, _ count: Int) -> [InputEvent] {
        var out: [InputEvent] = []
        while out.count < count {
            let e = t.readInput(timeoutMs: 2000)
            if e.isEmpty { break }
            out += e
        }
        return out
    }

    @Test func terminfoSequencesDecodeToKeys() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            let caps: [(String, Key)] = [
                ("kcud1", .down), ("kcuu1", .up), ("kcub1", .left), ("kcuf1", .right),
                ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown),
                ("kf1", .f1), ("kf10", .f10), ("kcbt", .backTab), ("kdch1", .delete),
            ]
            for (cap, key) in caps {
                let seq = try #require(t.keySequence(cap), "xterm-256color has \(cap)")
                #expect(seq.first == 0x1B)
                t.feed(seq)
                #expect(read(t, 1) == [.key(key)], "\(cap)")
            }
        }
    }

    @Test func plainBytesDecodeToCharsAndControlKeys() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            t.feed("aé李\r\n\t")
            t.feed([127, 8, 12, 3])
            #expect(read(t, 10) == [
                .char("a"), .char("é"), .char("李"), .key(.enter), .key(.enter), .key(.tab),
                .key(.backspace), .key(.backspace), .ctrl("l"), .ctrl("c"),
            ])
        }
    }

    @Test func loneEscapeIsTheEscapeKey() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            t.feed([0x1B])
            #expect(read(t, 1) == [.key(.escape)])
            t.feed([0x1B])
            t.feed("q")
            // ESC followed at once by a letter is two keys (Alt is not used).
            #expect(read(t, 2) == [.key(.escape), .char("q")])
        }
    }

    @Test func inputAtEndOfFileReportsInputClosed() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            t.feed("x")
            t.closeInput()
            #expect(t.readInput(timeoutMs: 10_000) == [.char("x")])
            // One call: EOF is recognised instead of returning [] forever.
            #expect(t.readInput(timeoutMs: 10_000) == [.inputClosed])
            #expect(t.readInput(timeoutMs: 10_000) == [.inputClosed])
        }
    }

    @Test func aTimeoutWithNoInputReturnsNothing() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            #expect(t.readInput(timeoutMs: 1).isEmpty)
        }
    }
}
