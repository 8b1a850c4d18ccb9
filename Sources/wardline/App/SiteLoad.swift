import Foundation
import WardCore
import WardStore
import WardUI

/// Reads every ward of the hospital for the site view (issue 19), each by the protocol it has in
/// force; a ward that cannot be read is a row that says why, never a missing row.
enum SiteLoad {
    /// A ward's protocol, or why it could not be read.
    enum ProtocolRead { case success(WardProtocol), failure(String) }

    static func rows(_ store: Store, session: Session, fallback: WardProtocol, now: Date = Date()) -> [SiteRow] {
        let wards: [HospitalWard]
        do { wards = try store.hospitalWards().filter { !$0.isSite } } catch {
            return [SiteRow(ward: HospitalWard(code: "?", name: "the register", isSite: false, appRole: ""), problem: error.message)]
        }
        var protocols: [String: ProtocolRead] = [:]
        return wards.map { ward in
            do throws(CommandRefusal) {
                let proto: WardProtocol
                switch try protocolOf(ward, store, fallback: fallback, cache: &protocols) {
                case .success(let p): proto = p
                case .failure(let why): return SiteRow(ward: ward, problem: why)
                }
                let snapshot = try store.loadOtherWard(ward.code, protocol: proto, session: session)
                return SiteOverview.row(ward, snapshot: snapshot, protocol: proto, now: now)
            } catch {
                return SiteRow(ward: ward, problem: error.message)
            }
        }
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

    /// The ward's protocol file (`wardline protocol use`), read once per load; the shipped defaults when it set none.
    private static func protocolOf(_ ward: HospitalWard, _ store: Store, fallback: WardProtocol,
                                   cache: inout [String: ProtocolRead]) throws(CommandRefusal) -> ProtocolRead {
        guard let path = try store.otherWardProtocolFile(ward.code) else { return .success(fallback) }
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
