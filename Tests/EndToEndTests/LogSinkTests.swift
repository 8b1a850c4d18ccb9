import Foundation
import Testing
@testable import wardline

/// Issue 14: several terminals share one log file. Each `LogSink` has its own
/// file descriptor (as each process does); every line must land whole.
@Suite struct LogSinkTests {
    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func twoSinksOnOneFileInterleavedKeepEveryLine() throws {
        let dir = Paths.tempDir("logsink"); defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wardline/wardline.log").path
        let a = LogSink(path: path), b = LogSink(path: path)
        #expect(a.fd >= 0 && b.fd >= 0 && a.fd != b.fd)
        for i in 0..<500 {
            a.write("terminal A line \(String(format: "%04d", i))\n")
            b.write("terminal B line \(String(format: "%04d", i))\n")
        }
        let all = try Self.lines(path)
        #expect(all.last == "", "the file ends with a newline")
        let body = all.dropLast()
        #expect(body.count == 1_000, "every line of both sinks is there")
        let expected = (0..<500).flatMap { i in ["A", "B"].map { "terminal \($0) line \(String(format: "%04d", i))" } }
        #expect(body.map(String.init) == expected, "in the order written")
    }

    @Test func twoSinksWritingAtOnceNeverTearALine() throws {
        let dir = Paths.tempDir("logsink"); defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wardline/wardline.log").path
        // A log that already has content: a new sink must not start writing over it.
        let first = LogSink(path: path)
        first.write("earlier line\n")
        let sinks = [LogSink(path: path), LogSink(path: path)]
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            for i in 0..<2_000 { sinks[k].write("sink \(k) line \(String(format: "%05d", i)) \(String(repeating: "x", count: 60))\n") }
        }
        let body = try Self.lines(path).dropLast()
        #expect(body.first == "earlier line")
        #expect(body.count == 4_001, "\(body.count) lines")
        let pattern = /sink [01] line \d{5} x{60}/
        #expect(body.dropFirst().allSatisfy { $0.wholeMatch(of: pattern) != nil }, "no line torn or overwritten")
        for k in 0..<2 {
            #expect(body.filter { $0.hasPrefix("sink \(k) ") }.count == 2_000)
        }
    }
}
