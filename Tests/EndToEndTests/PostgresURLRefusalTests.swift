import Foundation
import Testing
import TestTools

/// `--db postgresql://…` names a database the store cannot use yet: every command says so plainly
/// (exit 64, the URL's user left out) instead of looking for, or creating, a file of that name.
@Suite struct PostgresURLRefusalTests {
    @Test(arguments: [["--db"], ["open", "--db"], ["check", "--db"], ["demo", "--create-only", "--db"], ["audit", "verify", "--db"]])
    func aPostgresURLIsRefusedWithWhatToGiveInstead(command: [String]) throws {
        let cwd = FileManager.default.currentDirectoryPath
        let r = try runWardline(command + ["postgresql://wardline_app@db1.hospital/wardline"])
        #expect(r.status == 64, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("the ward store on PostgreSQL is not built yet"), "\(r.stderr)")
        #expect(r.stderr.contains("give the ward's SQLite file"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cwd + "/postgresql:"), "no file or folder was made from the URL")
    }
}
