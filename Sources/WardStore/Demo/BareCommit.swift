import Foundation
import GRDB

/// The floor for a save: one INSERT of a row like an administration, committed
/// in WAL mode with synchronous=FULL (what the store's commits wait for), in a
/// fresh file of its own. For `wardline-bench` (the floor beside a store save).
public enum BareCommit {
    public static func median(in path: String, count: Int) throws -> Double {
        var c = Configuration()
        c.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: path, configuration: c)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, patient INTEGER, drug TEXT, mg REAL, at TEXT, by INTEGER)")
        }
        var xs: [Double] = []
        for i in 0..<count {
            let t = DispatchTime.now().uptimeNanoseconds
            try pool.write { db in
                try db.execute(sql: "INSERT INTO t(patient, drug, mg, at, by) VALUES (?, 'diazepam', 5, ?, 1)", arguments: [i, "\(Date())"])
            }
            xs.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
        }
        try pool.close()
        xs.sort()
        return xs[xs.count / 2]
    }
}
