/// MLLP framing (HL7 v2's Minimal Lower Layer Protocol): a message travels as
/// `0x0B <message bytes> 0x1C 0x0D`. Bytes arrive in TCP reads of any size; the
/// framer keeps what it has and hands out each whole frame once its end block is
/// in. It never trusts the peer: bytes before a start block are counted and
/// dropped, a frame larger than `maxFrameBytes` is dropped whole, and an end
/// block without its carriage return (or a new start block inside a frame) ends
/// that frame as malformed; the framer then waits for the next start block.
public struct MLLPFramer: Sendable {
    public static let startBlock: UInt8 = 0x0B
    public static let endBlock: UInt8 = 0x1C
    public static let carriageReturn: UInt8 = 0x0D

    public enum Event: Sendable, Hashable {
        /// A whole message (the bytes between the start and end blocks).
        case frame([UInt8])
        /// Something that was not a frame, and why (for the service log).
        case malformed(String)
    }

    private enum State: Sendable { case outside, inside, sawEnd, skipping }

    public let maxFrameBytes: Int
    private var state: State = .outside
    private var buffer: [UInt8] = []
    private var strayBytes = 0

    public init(maxFrameBytes: Int) { self.maxFrameBytes = maxFrameBytes }

    /// True while part of a frame has been read (a peer that stops now stopped mid-frame).
    public var isMidFrame: Bool { state == .inside || state == .sawEnd }

    /// Feeds the next bytes read; returns the frames and problems they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        var out: [Event] = []
        for b in bytes {
            switch state {
            case .outside:
                if b == Self.startBlock {
                    flushStray(&out)
                    state = .inside
                } else if !(strayBytes == 0 && (b == Self.carriageReturn || b == 0x0A)) {
                    strayBytes += 1   // a line ending after a frame is common and harmless
                }
            case .inside:
                if b == Self.endBlock {
                    state = .sawEnd
                } else if b == Self.startBlock {
                    out.append(.malformed("a new start block inside a frame of \(buffer.count) bytes: that frame was dropped"))
                    buffer.removeAll(keepingCapacity: true)
                } else if buffer.count >= maxFrameBytes {
                    out.append(.malformed("a frame longer than \(maxFrameBytes) bytes was dropped"))
                    buffer.removeAll(); state = .skipping
                } else {
                    buffer.append(b)
                }
            case .sawEnd:
                if b == Self.carriageReturn {
                    out.append(.frame(buffer))
                } else {
                    out.append(.malformed("an end block not followed by a carriage return: a frame of \(buffer.count) bytes was dropped"))
                }
                buffer.removeAll(keepingCapacity: true)
                state = b == Self.startBlock ? .inside : .outside
            case .skipping:
                if b == Self.startBlock { state = .inside }
            }
        }
        return out
    }

    /// Called when the peer has closed: what was left unfinished.
    public mutating func finish() -> [Event] {
        var out: [Event] = []
        flushStray(&out)
        if isMidFrame { out.append(.malformed("the peer closed the connection inside a frame of \(buffer.count) bytes: dropped")) }
        buffer.removeAll(); state = .outside
        return out
    }

    private mutating func flushStray(_ out: inout [Event]) {
        if strayBytes > 0 { out.append(.malformed("\(strayBytes) bytes outside any frame were ignored")); strayBytes = 0 }
    }

    /// One message framed for sending.
    public static func frame(_ message: [UInt8]) -> [UInt8] { [startBlock] + message + [endBlock, carriageReturn] }
}
