import Glibc
import Testing
@testable import WardTerminal

/// The crash handler's text: built without malloc, stamped like the log.
@Suite struct SignalSafeTextTests {
    func text(_ capacity: Int = 64, _ build: (inout SignalSafeText) -> Void) -> String {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var t = SignalSafeText(base: buffer, capacity: capacity)
        build(&t)
        return String(decoding: UnsafeBufferPointer(start: buffer, count: t.count), as: UTF8.self)
    }

    func gmtimeStamp(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var p = tm()
        gmtime_r(&t, &p)
        func pad(_ v: Int32, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(p.tm_year + 1900, 4))-\(pad(p.tm_mon + 1, 2))-\(pad(p.tm_mday, 2))T"
            + "\(pad(p.tm_hour, 2)):\(pad(p.tm_min, 2)):\(pad(p.tm_sec, 2))Z"
    }

    @Test func stampsAgreeWithGmtime() {
        // Edges (epoch, leap days, century rules, year ends), then a spread of instants up to 2200.
        var instants = [0, 59, 86_399, 86_400, 68_169_600, 951_782_400, 951_868_799, 951_868_800, 978_307_199,
                        1_709_164_800, 1_735_689_599, 4_107_542_400, 4_107_628_800, 7_258_118_400]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Int(x >> 33) % 7_258_118_400)
        }
        for s in instants {
            #expect(text { $0.appendUTCStamp(secondsSince1970: s) } == gmtimeStamp(s), "\(s)")
        }
    }

    @Test func decimalsArePaddedAndNeverOverflowTheBuffer() {
        #expect(text { $0.appendDecimal(7, width: 2) } == "07")
        #expect(text { $0.appendDecimal(11) } == "11")
        #expect(text { $0.appendDecimal(0) } == "0")
        #expect(text { $0.appendDecimal(Int.max) } == "9223372036854775807")
        #expect(text(4) { $0.append(65); $0.appendDecimal(12_345) } == "A", "a number that does not fit is left out whole")
        #expect(text(3) { for _ in 0..<10 { $0.append(66) } } == "BBB")
    }
}
