import Foundation
import Testing
import TestTools

/// A CUPS scheduler of the test's own: private config, spool and log in a
/// temporary directory, listening only on a Unix socket there, with one
/// cups-pdf virtual printer. Needs root (cupsd and the cups-pdf backend run
/// as root); `.ci/run` runs as root and installs cups and printer-driver-cups-pdf.
final class PrivateCUPS {
    let dir: URL
    let socket: String
    let printerName = "WardPDFTest"
    private var process: ChildProcess?

    init() throws {
        guard getuid() == 0 else {
            throw CUPSSetupError("the real-CUPS print test starts its own cupsd, which needs root (uid \(getuid()))")
        }
        try SystemPackages.ensure(SystemPackages.cups)   // installed when missing (root + apt-get), as .ci/run does
        dir = TemporaryFolders.make("reports-cups")
        socket = dir.appendingPathComponent("cups.sock").path
        let fm = FileManager.default
        for sub in ["spool", "cache", "state", "log", "ppd"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let tmp = dir.appendingPathComponent("tmp")
        try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        // Filters run as the unprivileged `lp` user: they need to reach and write these.
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try fm.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: tmp.path)
        let conf = """
        Listen \(socket)
        LogLevel debug
        WebInterface No
        Browsing No
        DefaultAuthType None
        <Location />
          Order allow,deny
          Allow all
        </Location>
        <Policy default>
          <Limit All>
            Order deny,allow
          </Limit>
        </Policy>

        """
        let files = """
        ServerRoot \(dir.path)
        RequestRoot \(dir.path)/spool
        CacheDir \(dir.path)/cache
        StateDir \(dir.path)/state
        TempDir \(tmp.path)
        AccessLog \(dir.path)/log/access_log
        ErrorLog \(dir.path)/log/error_log
        PageLog \(dir.path)/log/page_log
        Printcap \(dir.path)/printcap
        SystemGroup root

        """
        try Data(conf.utf8).write(to: dir.appendingPathComponent("cupsd.conf"))
        try Data(files.utf8).write(to: dir.appendingPathComponent("cups-files.conf"))

        process = try ChildProcess(URL(fileURLWithPath: "/usr/sbin/cupsd"),
                                   ["-f", "-c", dir.appendingPathComponent("cupsd.conf").path,
                                    "-s", dir.appendingPathComponent("cups-files.conf").path])

        guard try waitFor({ try runProcess("/usr/bin/lpstat", ["-h", self.socket, "-r"]).stdout.contains("scheduler is running") }) else {
            stop()
            throw CUPSSetupError("private cupsd did not start; log:\n\(errorLogTail())")
        }
        let ppd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
        // pdftops-renderer=pdftops (poppler) keeps text as text through the PostScript step,
        // so the printed PDF can be read back with pdftotext (the ghostscript renderer outlines it).
        let add = try runProcess("/usr/sbin/lpadmin", ["-h", socket, "-p", printerName, "-v", "cups-pdf:/", "-P", ppd, "-E",
                                                "-o", "pdftops-renderer-default=pdftops"])
        guard add.status == 0 else {
            stop()
            throw CUPSSetupError("lpadmin failed: \(add.stderr)")
        }
    }

    /// Polls `condition` every 100 ms for up to `limit` seconds (a wait, not a timing assertion).
    func waitFor(limit: TimeInterval = 60, _ condition: () throws -> Bool) throws -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if try condition() { return true }
            usleep(100_000)
        }
        return try condition()
    }

    func jobCompleted(_ id: String) throws -> Bool {
        try runProcess("/usr/bin/lpstat", ["-h", socket, "-W", "completed", "-o", printerName]).stdout.contains(id)
    }

    func errorLogTail() -> String {
        let log = (try? String(contentsOf: dir.appendingPathComponent("log/error_log"), encoding: .utf8)) ?? "(no log)"
        return log.split(separator: "\n").suffix(30).joined(separator: "\n")
    }

    /// cups-pdf writes where /etc/cups/cups-pdf.conf says (Debian: ~/PDF), or
    /// /var/spool/cups-pdf/USER by default; its file name contains the job title.
    func outputFile(titled token: String) -> URL? {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        for d in ["\(home)/PDF", "/root/PDF", "/var/spool/cups-pdf/\(user)", "/var/spool/cups-pdf/root", "/var/spool/cups-pdf/ANONYMOUS"] {
            if let f = (try? FileManager.default.contentsOfDirectory(atPath: d))?.first(where: { $0.contains(token) }) {
                return URL(fileURLWithPath: d).appendingPathComponent(f)
            }
        }
        return nil
    }

    /// SIGKILL: cupsd holds nothing worth a clean shutdown.
    func stop() {
        if let process {
            process.signal(SIGKILL)
            process.finish()
            self.process = nil
        }
        try? FileManager.default.removeItem(at: dir)
    }
}

struct CUPSSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
