import Foundation
import WardCore
import WardStore
import WardUI

/// A ward opened read-only from the site view (issue 19), by the protocol it has in force.
enum SiteLoad {
    static func viewed(_ ward: HospitalWard, _ store: Store, session: Session, fallback: WardProtocol) -> Msg {
        var cache: [String: SiteReader.ProtocolRead] = [:]
        do {
            switch SiteReader.protocolAt(try store.otherWardProtocolFile(ward.code), fallback: fallback, cache: &cache) {
            case .success(let proto): return .viewedWardLoaded(ward, try store.loadOtherWard(ward.code, protocol: proto, session: session), proto)
            case .failure(let why): return .viewedWardRefused("Ward \(ward.code) cannot be shown: \(why).")
            }
        } catch {
            return .viewedWardRefused("Ward \(ward.code) cannot be shown: \(error.message)")
        }
    }
}
