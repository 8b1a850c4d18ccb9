import Logging
import WardCore
import WardUI

extension Logger {
    /// The one way a command finishes: run it, log what it wrote (or the kind of refusal), and
    /// answer with `Msg.finished`. The reload that follows is the effect runner's (`perform`).
    func finish<T>(_ what: String, _ saved: (T) -> Saved, verb: CommandVerb = .saved,
                   _ metadata: (T) -> Logger.Metadata,
                   _ body: () throws(CommandRefusal) -> T) -> [Msg] {
        do {
            let value = try body()
            info("\(what)", metadata: metadata(value))
            return [.finished(.success(saved(value)), verb: verb)]
        } catch {
            warning("\(what): refused", metadata: ["kind": "\(error.kind.rawValue)"])
            return [.finished(.failure(error), verb: verb)]
        }
    }
}
