import Foundation
import Synchronization
import WardCore

/// The site view's reads (issue 19), kept between seconds: each second one statement asks every ward
/// where it stands (its newest audit event, its protocol file), only the wards that changed are read
/// again, and every row is computed afresh at the new time from the snapshots kept (overdue and alerts
/// move with the clock, not only with writes). The wards to read are shared among the site's own
/// connection and up to `helpers` more of its own (opened at the first read that needs them), so the
/// first read of a big hospital is not one ward after another. A ward that cannot be read is a row
/// that says why, never a missing row. One call at a time (the terminal's effect queue).
public final class SiteReader: @unchecked Sendable {
    /// A ward's protocol, or why it could not be read.
    public enum ProtocolRead: Sendable { case success(WardProtocol), failure(String) }

    private struct Kept { var version: Int; var protocolFile: String?; var snapshot: WardSnapshot; var proto: WardProtocol }
    private var kept: [String: Kept] = [:]
    private var extra: [Store] = []
    private let helpers: Int
    private let lock = NSLock()

    /// `helpers`: connections of its own besides the site store's, for reading many wards at once
    /// (an operational number, not a clinical one).
    public init(helpers: Int = 3) { self.helpers = helpers }

    deinit { extra.forEach { try? $0.close() } }

    public func rows(_ store: Store, session: Session, fallback: WardProtocol, now: Date = Date()) -> [SiteRow] {
        lock.lock(); defer { lock.unlock() }
        let wards: [HospitalWard]
        let states: [String: Store.WardState]
        do {
            wards = try store.hospitalWards().filter { !$0.isSite }
            states = try store.wardStates(wards.map(\.code))
        } catch {
            return [SiteRow(ward: HospitalWard(code: "?", name: "the register", isSite: false, appRole: ""), problem: error.message)]
        }
        // Which wards must be read again, and by which protocol.
        var protocols: [String: ProtocolRead] = [:]
        var problems: [String: String] = [:]
        var toRead: [(ward: HospitalWard, state: Store.WardState, proto: WardProtocol)] = []
        for ward in wards {
            guard let state = states[ward.code] else {
                kept[ward.code] = nil
                problems[ward.code] = "this site's role may not read it (wardline ward add again as the owner grants it)"
                continue
            }
            if let k = kept[ward.code], k.version == state.version, k.protocolFile == state.protocolFile { continue }
            switch Self.protocolAt(state.protocolFile, fallback: fallback, cache: &protocols) {
            case .success(let p): toRead.append((ward, state, p))
            case .failure(let why): kept[ward.code] = nil; problems[ward.code] = why
            }
        }
        // Read them, shared among the connections.
        let work = toRead
        let readers = [store] + helpersFor(store, needed: work.count)
        let results = Mutex<[String: Result<WardSnapshot, CommandRefusal>]>([:])
        // A thread per connection: each waits on the server, so they overlap whatever the cores.
        let group = DispatchGroup()
        for r in readers.indices {
            group.enter()
            let reader = readers[r], stride_ = readers.count
            Thread.detachNewThread {
                defer { group.leave() }
                for i in stride(from: r, to: work.count, by: stride_) {
                    let item = work[i]
                    let result = Result { () throws(CommandRefusal) in
                        try reader.loadOtherWard(item.ward.code, protocol: item.proto, session: session)
                    }
                    results.withLock { $0[item.ward.code] = result }
                }
            }
        }
        group.wait()
        for item in toRead {
            switch results.withLock({ $0[item.ward.code] }) {
            case .success(let snapshot)?:
                kept[item.ward.code] = Kept(version: item.state.version, protocolFile: item.state.protocolFile, snapshot: snapshot, proto: item.proto)
            case .failure(let refusal)?:
                kept[item.ward.code] = nil; problems[item.ward.code] = refusal.message
            case nil:
                kept[item.ward.code] = nil; problems[item.ward.code] = "not read"
            }
        }
        return wards.map { ward in
            if let k = kept[ward.code] { return SiteOverview.row(ward, snapshot: k.snapshot, protocol: k.proto, now: now) }
            return SiteRow(ward: ward, problem: problems[ward.code] ?? "not read")
        }
    }

    /// The helper connections, opened when more than one ward is to be read (a failed one is just not used).
    private func helpersFor(_ store: Store, needed: Int) -> [Store] {
        guard needed > 1, store.isPostgres else { return [] }
        while extra.count < min(helpers, needed - 1), let s = try? Store.open(path: store.path, create: false) { extra.append(s) }
        return Array(extra.prefix(needed - 1))
    }

    /// A protocol file (nil: the shipped defaults), read once per call.
    public static func protocolAt(_ path: String?, fallback: WardProtocol, cache: inout [String: ProtocolRead]) -> ProtocolRead {
        guard let path else { return .success(fallback) }
        if let known = cache[path] { return known }
        let result: ProtocolRead
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            switch ProtocolLoader.load(text: text, file: path) {
            case .success(let p): result = .success(p)
            case .failure: result = .failure("its protocol file \(path) has problems (wardline protocol check)")
            }
        } else {
            result = .failure("its protocol file \(path) cannot be read on this host")
        }
        cache[path] = result
        return result
    }
}
