import Foundation
import WardCore

/// The site view's reads (issue 19), kept between seconds: each second one statement asks every ward
/// where it stands (its newest audit event, its protocol file), only the wards that changed are read
/// again, and every row is computed afresh at the new time from the snapshots kept (overdue and alerts
/// move with the clock, not only with writes). A ward that cannot be read is a row that says why,
/// never a missing row. One call at a time (the terminal's effect queue).
public final class SiteReader: @unchecked Sendable {
    /// A ward's protocol, or why it could not be read.
    public enum ProtocolRead: Sendable { case success(WardProtocol), failure(String) }

    private struct Kept { var version: Int; var protocolFile: String?; var snapshot: WardSnapshot; var proto: WardProtocol }
    private var kept: [String: Kept] = [:]
    private let lock = NSLock()

    public init() {}

    /// With `budget`, reads wards until that many seconds have passed (one ward at least) and returns the
    /// rest as `reading` (a ward read before keeps its row until it is read again): the screen shows the
    /// wards read so far at once and asks again. Without, reads every ward that changed.
    public func rows(_ store: Store, session: Session, fallback: WardProtocol, now: Date = Date(),
                     budget: TimeInterval? = nil) -> [SiteRow] {
        lock.lock(); defer { lock.unlock() }
        let started = Date()
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
        // Read them (on the site's one connection: sharing the reads among four connections did not
        // make a first read of 10 wards faster on a 2-core host — the work is CPU, not waiting).
        var results: [String: Result<WardSnapshot, CommandRefusal>] = [:]
        var unread: Set<String> = []
        for item in toRead {
            if let budget, !results.isEmpty, Date().timeIntervalSince(started) > budget { unread.insert(item.ward.code); continue }
            results[item.ward.code] = Result { () throws(CommandRefusal) in
                try store.loadOtherWard(item.ward.code, protocol: item.proto, session: session)
            }
        }
        for item in toRead where !unread.contains(item.ward.code) {
            switch results[item.ward.code] {
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
            if unread.contains(ward.code) { var r = SiteRow(ward: ward); r.reading = true; return r }
            return SiteRow(ward: ward, problem: problems[ward.code] ?? "not read")
        }
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
