import Foundation
import TestTools
import Testing
@testable import WardCore

/// The TOML reader's number grammar and nesting bound (issue 14), and a
/// differential test against Python's `tomllib` on generated documents.
@Suite struct TOMLTests {
    func value(_ text: String) throws -> TOMLValue? {
        try TOMLParser.parse("k = \(text)\n")["k"]?.value
    }

    @Test(arguments: ["1__0", "_1", "1_", "007", "00", "-01", ".5", "5.", "+-1", "1.e5", "1e", "1e_5", "0x_1", "0b102",
                      "+0x10", "01.5", "1.5_", "0x", "9223372036854775808", "-9223372036854775809", "1979-05-27", "inf1", "nan_"])
    func numbersTOMLRefuses(_ text: String) {
        #expect(throws: TOMLSyntaxError.self) { try value(text) }
    }

    @Test func numbersTOMLAccepts() throws {
        #expect(try value("1_000") == .integer(1000))
        #expect(try value("+7") == .integer(7))
        #expect(try value("-0") == .integer(0))
        #expect(try value("0x1F") == .integer(31))
        #expect(try value("0o17") == .integer(15))
        #expect(try value("0b101") == .integer(5))
        #expect(try value("9223372036854775807") == .integer(Int.max))
        #expect(try value("-9223372036854775808") == .integer(Int.min))
        #expect(try value("3.5e-2") == .float(0.035))
        #expect(try value("1e06") == .float(1e6))
        #expect(try value("-inf") == .float(-.infinity))
        if case .float(let d) = try value("nan") { #expect(d.isNaN) } else { Issue.record("nan is a float") }
    }

    @Test func deepNestingIsAOneLineErrorNotAStackOverflow() {
        for open in ["[", "{a="] {
            let text = "k = " + String(repeating: open, count: 40_000) + "\n"
            #expect {
                try TOMLParser.parse(text)
            } throws: { error in
                "\(error)".contains("nested more than 64 deep") && !"\(error)".contains("\n")
            }
        }
        #expect(throws: Never.self) { try TOMLParser.parse("k = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }
    }
}

/// Documents generated from a fixed seed, parsed by this reader and by
/// Python's `tomllib` (the standard library's TOML 1.0 parser): both accept
/// or both refuse, and accepted ones read the same. Where TOML 1.0 leaves a
/// choice, this reader refuses what `tomllib` allows (integers beyond 64 bits).
@Suite struct TOMLDifferentialTests {
    struct Rng { var s: UInt64; mutating func next() -> UInt64 { s &+= 0x9E3779B97F4A7C15; var z = s; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; return z ^ (z >> 31) }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    }

    static let goodNumbers = ["0", "-0", "+0", "7", "+7", "-42", "1_000", "9223372036854775807", "-9223372036854775808",
                              "0x1F", "0xdead_beef", "0o17", "0b1010", "0.0", "-0.0", "3.14159", "1e6", "1E-7", "6.02e+23",
                              "1e06", "1_000.5", "inf", "-inf", "+inf", "nan", "1e400", "0.1", "100.0"]
    static let badNumbers = ["1__0", "_1", "1_", "007", ".5", "5.", "+-1", "1.e5", "1e", "0x_1", "0b102", "+0x10",
                             "01.5", "9223372036854775808", "0xFFFFFFFFFFFFFFFF", "--1", "1e1.5", "0x", "1_.5", "1._5"]
    static let strings = [#""plain""#, #""tab\there""#, #""quote \" and \\ back""#, #""é \u00e9 \U0001F600""#,
                          "'literal \\n stays'", #""""#, "\"Müller, 李\""]

    static func scalar(_ r: inout Rng) -> String {
        switch r.int(4) {
        case 0: r.pick(goodNumbers)
        case 1: r.pick(["true", "false"])
        default: r.pick(strings)
        }
    }

    static func value(_ r: inout Rng, depth: Int) -> String {
        guard depth < 3 else { return scalar(&r) }
        switch r.int(6) {
        case 0: return "[" + (0..<r.int(4)).map { _ in value(&r, depth: depth + 1) }.joined(separator: ", ") + (r.int(3) == 0 ? "," : "") + "]"
        case 1: return "{ " + (0..<r.int(3)).map { "k\($0) = \(value(&r, depth: depth + 1))" }.joined(separator: ", ") + " }"
        default: return scalar(&r)
        }
    }

    static func document(_ r: inout Rng) -> String {
        var lines: [String] = ["# generated"]
        for n in 0..<(1 + r.int(4)) {
            let key = r.pick(["a\(n)", "b-c\(n)", "d_e\(n)", "\"quoted key \(n)\"", "'literal key \(n)'"])
            lines.append("\(key) = \(value(&r, depth: 0))")
        }
        for t in 0..<r.int(3) {
            lines.append(r.int(2) == 0 ? "[table\(t).sub]" : "[[list\(t)]]")
            for n in 0..<(1 + r.int(3)) { lines.append("x\(n) = \(value(&r, depth: 1))  # comment") }
        }
        var doc = lines.joined(separator: "\n") + "\n"
        switch r.int(5) {   // one in five: made wrong in one place
        case 0: doc += "bad = \(r.pick(badNumbers))\n"
        case 1: doc += "a0 = 1\n"                                    // defined twice when a0 exists
        case 2: if let i = doc.lastIndex(of: "]") { doc.remove(at: i) }
        default: break
        }
        return doc
    }

    /// Tagged like the Python side: {"i": "…"} {"f": "<hex bits>" | "nan"} {"b": …} {"s": …} {"a": […]} {"t": {…}}.
    static func tagged(_ v: TOMLValue) -> Any {
        switch v {
        case .integer(let i): ["i": String(i)]
        case .float(let d): ["f": d.isNaN ? "nan" : String(format: "%016llx", d.bitPattern)]
        case .boolean(let b): ["b": b]
        case .string(let s): ["s": s]
        case .array(let a): ["a": a.map { tagged($0.value) }]
        case .table(let t): ["t": Dictionary(uniqueKeysWithValues: t.entries.map { ($0.key, tagged($0.node.value)) })]
        }
    }

    static func canonical(_ any: Any?) -> String {
        guard let any, !(any is NSNull) else { return "REFUSED" }
        let data = try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    static let python = #"""
    import sys, json, tomllib, struct, math
    def enc(v):
        if isinstance(v, bool): return {"b": v}
        if isinstance(v, int):
            if not -2**63 <= v < 2**63: raise OverflowError   # TOML 1.0: must be an error when not lossless
            return {"i": str(v)}
        if isinstance(v, float): return {"f": "nan" if math.isnan(v) else struct.pack(">d", v).hex()}
        if isinstance(v, str): return {"s": v}
        if isinstance(v, list): return {"a": [enc(x) for x in v]}
        if isinstance(v, dict): return {"t": {k: enc(x) for k, x in v.items()}}
        raise TypeError(type(v))
    out = []
    for d in json.load(open(sys.argv[1], encoding="utf-8")):
        try: out.append(enc(tomllib.loads(d)))
        except (tomllib.TOMLDecodeError, OverflowError): out.append(None)
    json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
    """#

    @Test func generatedDocumentsReadTheSameAsTomllib() throws {
        var r = Rng(s: 0x70_4D4C)
        let controls = ["k = \"a\u{07}b\"\n", "k = 'a\u{1B}[2J'\n", "# c\u{01}\nk = 1\n", "k = \"\"\"x\u{7F}\"\"\"\n", "k = \"tab\tok\"\n"]
        let docs = (0..<600).map { _ in Self.document(&r) } + Self.badNumbers.map { "k = \($0)\n" } + Self.goodNumbers.map { "k = \($0)\n" }
            + controls
        let dir = TemporaryFolders.make("toml-diff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.json"), output = dir.appendingPathComponent("out.json")
        let script = dir.appendingPathComponent("diff.py")
        try JSONSerialization.data(withJSONObject: docs).write(to: input)
        try Self.python.write(to: script, atomically: true, encoding: .utf8)
        let p = try runProcess(URL(fileURLWithPath: "/usr/bin/python3"), [script.path, input.path, output.path], timeout: 300)
        try #require(p.status == 0, "python3 with tomllib (3.11+) must run: it is the other side of this test: \(p.stderr)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output), options: [.fragmentsAllowed]) as? [Any])
        try #require(theirs.count == docs.count)
        var refusedBoth = 0, acceptedBoth = 0
        for (doc, other) in zip(docs, theirs) {
            let mine: Any? = (try? TOMLParser.parse(doc)).map { Self.tagged(.table($0)) }
            let a = Self.canonical(mine), b = Self.canonical(other)
            #expect(a == b, "reader and tomllib differ on:\n\(doc)\nmine:    \(a)\ntomllib: \(b)")
            if a == "REFUSED" && b == "REFUSED" { refusedBoth += 1 } else if a == b { acceptedBoth += 1 }
        }
        #expect(refusedBoth > 100 && acceptedBoth > 300, "both kinds are exercised (\(refusedBoth) refused, \(acceptedBoth) accepted)")
    }
}
