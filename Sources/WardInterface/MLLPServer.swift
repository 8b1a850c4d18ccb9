import Foundation
import NIOCore
import NIOPosix
import WardCore
import WardStore

/// The ADT listener: MLLP over TCP (SwiftNIO). Each connection's frames are handed, in order, to
/// one serial queue that calls the store (blocking; never on an event loop), and each ACK is
/// written back on the connection it answers. A peer outside the allow list is closed at once; a
/// peer silent for `idleTimeout` (one that stopped mid-frame) is closed; bytes that are not frames
/// are dropped and logged; nothing a peer sends stops the listener.
public final class MLLPServer: Sendable {
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        public var allow: AllowList
        public var pointOfCare: String
        public var maxFrameBytes = 1 << 20
        public var idleTimeout: TimeAmount = .seconds(120)
        public init(host: String, port: Int, allow: AllowList, pointOfCare: String) {
            self.host = host; self.port = port; self.allow = allow; self.pointOfCare = pointOfCare
        }
    }

    let settings: Settings
    let store: Store
    let session: Session
    let wardProtocol: WardProtocol
    let log: @Sendable (String) -> Void
    let queue = DispatchQueue(label: "wardline.interface.store")
    let group: MultiThreadedEventLoopGroup

    public init(settings: Settings, store: Store, session: Session, protocol ward: WardProtocol, log: @escaping @Sendable (String) -> Void) {
        self.settings = settings; self.store = store; self.session = session; self.wardProtocol = ward; self.log = log
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// Binds and serves until the process ends; returns the bound port (for `--port 0`).
    public func start() throws -> (Channel, Int) {
        let server = self
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .childChannelInitializer { channel in
                let peer = channel.remoteAddress?.ipAddress ?? "?"
                guard server.settings.allow.allows(peer) else {
                    server.log("refused a connection from \(peer): not in --allow (\(server.settings.allow))")
                    return channel.close()
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: server.settings.idleTimeout))
                    try channel.pipeline.syncOperations.addHandler(MLLPHandler(server: server, peer: peer))
                }
            }
        let channel = try bootstrap.bind(host: settings.host, port: settings.port).wait()
        return (channel, channel.localAddress?.port ?? settings.port)
    }

    /// One frame through the store, then its ACK written back (or the connection closed when the
    /// database could not be reached: the sender resends); `done` runs on the channel's event loop.
    func handle(_ frame: [UInt8], peer: String, channel: Channel, done: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            let out = store.receiveHL7(frame, peer: peer, pointOfCare: settings.pointOfCare, session: session, protocol: wardProtocol)
            log("\(peer): \(out.code.isEmpty ? "no ACK" : out.code)\(out.duplicate ? " (resend)" : "") \(out.detail)")
            let bytes = out.ack.map(MLLPFramer.frame)
            channel.eventLoop.execute {
                if let bytes {
                    var buf = channel.allocator.buffer(capacity: bytes.count)
                    buf.writeBytes(bytes)
                    channel.writeAndFlush(buf, promise: nil)
                } else {
                    channel.close(promise: nil)
                }
                done()
            }
        }
    }
}

/// Bytes in, frames out: one framer per connection.
final class MLLPHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    let server: MLLPServer
    let peer: String
    var framer: MLLPFramer

    init(server: MLLPServer, peer: String) {
        self.server = server; self.peer = peer; framer = MLLPFramer(maxFrameBytes: server.settings.maxFrameBytes)
    }

    func channelActive(context: ChannelHandlerContext) { server.log("\(peer): connected") }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buf = unwrapInboundIn(data)
        let bytes = buf.readBytes(length: buf.readableBytes) ?? []
        for event in framer.feed(bytes) { dispatch(event, context.channel) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        for event in framer.finish() { dispatch(event, context.channel) }
        server.log("\(peer): disconnected")
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            server.log("\(peer): silent for too long\(framer.isMidFrame ? " inside a frame" : ""): closed")
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        server.log("\(peer): \(error): closed")
        context.close(promise: nil)
    }

    /// Frames handed to the store and not yet answered. While there are any, the connection is not
    /// read (MLLP's sender waits for each ACK anyway): a peer that floods frames fills its own TCP
    /// window, not the listener's memory.
    private var pending = 0

    private func dispatch(_ event: MLLPFramer.Event, _ channel: Channel) {
        switch event {
        case .frame(let f):
            pending += 1
            if pending == 1 { channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in } }
            server.handle(f, peer: peer, channel: channel) { [self] in
                pending -= 1
                if pending == 0 && channel.isActive {
                    channel.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in }
                    channel.read()
                }
            }
        case .malformed(let why): server.log("\(peer): \(why)")
        }
    }
}
