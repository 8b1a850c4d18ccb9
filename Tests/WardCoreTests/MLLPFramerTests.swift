import Testing
import WardCore

struct MLLPFramerTests {
    static let message = Array("MSH|^~\\&|PAS|H|WL|W|20261201080000||ADT^A01|1|P|2.5\rPID|1||M1\r".utf8)

    @Test func aFrameSplitAtEveryPlaceIsTheSameFrame() {
        let frame = MLLPFramer.frame(Self.message)
        for cut in 0...frame.count {
            var f = MLLPFramer(maxFrameBytes: 1 << 16)
            let events = f.feed(frame[..<cut]) + f.feed(frame[cut...])
            #expect(events == [.frame(Self.message)], "cut at \(cut)")
            #expect(!f.isMidFrame)
        }
        // One byte a read.
        var f = MLLPFramer(maxFrameBytes: 1 << 16)
        #expect(frame.flatMap { f.feed([$0]) } == [.frame(Self.message)])
    }

    @Test func twoFramesInOneReadAreTwoFrames() {
        var f = MLLPFramer(maxFrameBytes: 1 << 16)
        let other = Array("MSH|^~\\&|X\r".utf8)
        #expect(f.feed(MLLPFramer.frame(Self.message) + [0x0D, 0x0A] + MLLPFramer.frame(other)) == [.frame(Self.message), .frame(other)],
                "a line ending between frames is not garbage")
    }

    @Test func garbageBrokenEndsAndOversizedFramesAreDroppedAndReadingGoesOn() {
        var f = MLLPFramer(maxFrameBytes: 16)
        var events = f.feed(Array("junk".utf8))
        events += f.feed([0x0B] + Array("abc".utf8) + [0x1C, 0x41])               // end block without CR
        events += f.feed([0x0B] + Array(repeating: 0x41, count: 40) + [0x1C, 0x0D])   // too long
        events += f.feed([0x0B] + Array("half".utf8) + [0x0B] + Array("whole".utf8) + [0x1C, 0x0D])
        let frames = events.compactMap { if case .frame(let b) = $0 { b } else { nil } }
        #expect(frames == [Array("whole".utf8)])
        let problems = events.compactMap { if case .malformed(let m) = $0 { m } else { nil } }
        #expect(problems.count == 4, "\(problems)")
        #expect(problems[0].contains("4 bytes outside any frame"))
        #expect(problems[1].contains("end block not followed by a carriage return"))
        #expect(problems[2].contains("longer than 16 bytes"))
        #expect(problems[3].contains("new start block inside a frame"))
    }

    @Test func aPeerThatStopsMidFrameIsReported() {
        var f = MLLPFramer(maxFrameBytes: 1 << 16)
        #expect(f.feed([0x0B] + Self.message.prefix(10)) == [])
        #expect(f.isMidFrame)
        let end = f.finish()
        #expect(end.count == 1)
        if case .malformed(let m) = end.first { #expect(m.contains("inside a frame of 10 bytes")) } else { Issue.record("\(end)") }
        #expect(!f.isMidFrame)
    }

    @Test func randomBytesNeverTrapAndEveryFrameIsBounded() {
        var rng = SeededRandom(seed: 20261206)
        for _ in 0..<500 {
            var f = MLLPFramer(maxFrameBytes: 64)
            let bytes = (0..<Int(rng.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: rng.next() % 7 == 0 ? [0x0B, 0x1C, 0x0D][Int(rng.next() % 3)] : rng.next()) }
            for event in f.feed(bytes) + f.finish() {
                if case .frame(let b) = event { #expect(b.count <= 64 && !b.contains(0x0B)) }
            }
        }
    }
}

