import Foundation
import Synchronization

/// The Debian packages some tests drive from outside (pdftotext, a private
/// CUPS, a CJK font), installed on first use when missing, so that `swift
/// test` on a fresh machine of this kind does its own set-up, as `.ci/run`
/// does. Installing needs root and apt-get; without them a missing package is
/// a clear failure naming it, never a skipped test.
public enum SystemPackages {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// What the PDF tests read the PDF with, and the font CJK patient names typeset in.
    public static let pdfTools = (paths: ["/usr/bin/pdftotext", "/usr/bin/pdfinfo", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"],
                                  packages: ["poppler-utils", "fonts-wqy-microhei"])
    /// A real CUPS with a PDF printer, for the print test.
    public static let cups = (paths: ["/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/bin/lp", "/usr/bin/lpstat",
                                      "/usr/lib/cups/backend/cups-pdf"],
                              packages: ["cups", "cups-client", "printer-driver-cups-pdf"])

    /// A program run with its clock moved (libfaketime), for the two-terminal alert-log test.
    public static let faketime = (paths: ["/usr/bin/faketime"], packages: ["faketime"])

    private static let lock = Mutex(())

    /// Returns once every path exists, installing `packages` if needed (one
    /// install at a time in this process). Throws when they cannot be had.
    public static func ensure(_ need: (paths: [String], packages: [String])) throws {
        try lock.withLock { _ in
            func missing() -> [String] { need.paths.filter { !FileManager.default.fileExists(atPath: $0) } }
            guard !missing().isEmpty else { return }
            let apt = "/usr/bin/apt-get"
            guard getuid() == 0, FileManager.default.isExecutableFile(atPath: apt) else {
                throw Missing(description: "\(missing().joined(separator: ", ")) missing: install \(need.packages.joined(separator: " ")) "
                              + "(apt-get as root, or run .ci/run)")
            }
            var log = ""
            for args in [["install", "-y", "-qq", "--no-install-recommends"] + need.packages,
                         ["update", "-qq"],
                         ["install", "-y", "-qq", "--no-install-recommends"] + need.packages] where !missing().isEmpty {
                log += try run(apt, args)
            }
            if !missing().isEmpty {
                throw Missing(description: "could not install \(need.packages.joined(separator: " ")): "
                              + "\(missing().joined(separator: ", ")) still missing. apt-get said:\n\(log.suffix(2000))")
            }
        }
    }

    private static func run(_ tool: String, _ args: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["DEBIAN_FRONTEND"] = "noninteractive"
        let r = try runProcess(URL(fileURLWithPath: tool), args, environment: env, timeout: 900)
        return "$ apt-get \(args.joined(separator: " ")) → \(r.status)\n" + r.stdout + r.stderr
    }
}
