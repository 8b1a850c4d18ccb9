import Foundation
import WardCore
import WardStore
import WardUI

/// Reads every ward of the hospital for the site view (issue 19), each by the protocol it has in
/// force; a ward that cannot be read is a row that says why, never a missing row.
enum SiteLoad {
    /// A ward's protocol, or why it could not be read.
    enum ProtocolRead { case success(WardProtocol), failure(String) }

    /// Every ward's row at `now`, from one-off reads (the bench; the screen uses a `SiteReader`).
    static func rows(_ store: Store, session: Session, fallback: WardProtocol, now: Date = Date()) -> [SiteRow] {
        SiteReader().rows(store, session: session, fallback: fallback, now: now)
    }

    /// One ward, opened read-only from the site view.
    static func viewed(_ ward: HospitalWard, _ store: Store, session: Session, fallback: WardProtocol) -> Msg {
        var cache: [String: ProtocolRead] = [:]
        do {
            switch try protocolOf(ward, store, fallback: fallback, cache: &cache) {
            case .success(let proto): return .viewedWardLoaded(ward, try store.loadOtherWard(ward.code, protocol: proto, session: session), proto)
            case .failure(let why): return .viewedWardRefused("Ward \(ward.code) cannot be shown: \(why).")
            }
        } catch {
            return .viewedWardRefused("Ward \(ward.code) cannot be shown: \(error.message)")
        }
    }

    /// A protocol file (nil: the shipped defaults), read once per load.
    static func protocolAt(_ path: String?, fallback: WardProtocol, cache: inout [String: ProtocolRead]) -> ProtocolRead {
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

    /// The ward's protocol file (`wardline protocol use`), read once per load; the shipped defaults when it set none.
    private static func protocolOf(_ ward: HospitalWard, _ store: Store, fallback: WardProtocol,
                                   cache: inout [String: ProtocolRead]) throws(CommandRefusal) -> ProtocolRead {
        protocolAt(try store.otherWardProtocolFile(ward.code), fallback: fallback, cache: &cache)
    }
}

/// The site view's reads, kept between seconds: each second one statement asks every ward where it
/// stands (its newest audit event, its protocol file), only the wards that changed are read again,
/// and every row is computed afresh at the new time from the snapshots kept (overdue and alerts
/// move with the clock, not only with writes). Used on the effect queue only (one call at a time).
final class SiteReader: @unchecked Sendable {
    private struct Kept { var version: Int; var protocolFile: String?; var snapshot: WardSnapshot; var proto: WardProtocol }
    private var kept: [String: Kept] = [:]
    private let lock = NSLock()

    func rows(_ store: Store, session: Session, fallback: WardProtocol, now: Date = Date()) -> [SiteRow] {
        lock.lock(); defer { lock.unlock() }
        let wards: [HospitalWard]
        let states: [String: Store.WardState]
        do {
            wards = try store.hospitalWards().filter { !$0.isSite }
            states = try store.wardStates(wards.map(\.code))
        } catch {
            return [SiteRow(ward: HospitalWard(code: "?", name: "the register", isSite: false, appRole: ""), problem: error.message)]
        }
        var protocols: [String: SiteLoad.ProtocolRead] = [:]
        return wards.map { ward in
            guard let state = states[ward.code] else {
                kept[ward.code] = nil
                return SiteRow(ward: ward, problem: "this site's role may not read it (wardline ward add again as the owner grants it)")
            }
            if let k = kept[ward.code], k.version == state.version, k.protocolFile == state.protocolFile {
                return SiteOverview.row(ward, snapshot: k.snapshot, protocol: k.proto, now: now)
            }
            do throws(CommandRefusal) {
                let proto: WardProtocol
                switch SiteLoad.protocolAt(state.protocolFile, fallback: fallback, cache: &protocols) {
                case .success(let p): proto = p
                case .failure(let why): return SiteRow(ward: ward, problem: why)
                }
                let snapshot = try store.loadOtherWard(ward.code, protocol: proto, session: session)
                kept[ward.code] = Kept(version: state.version, protocolFile: state.protocolFile, snapshot: snapshot, proto: proto)
                return SiteOverview.row(ward, snapshot: snapshot, protocol: proto, now: now)
            } catch {
                kept[ward.code] = nil
                return SiteRow(ward: ward, problem: error.message)
            }
        }
    }
}
