import Foundation
import TestTools
import Testing
import WardStore

/// libsodium and cairo/pango are loaded with dlopen at first use
/// (Sources/CSodium, Sources/CPangoCairo), so that building needs none of
/// their -dev packages. Guard that the binary does not link them again.
@Suite struct RuntimeLibrariesTests {
    @Test func theBinaryHasNoLinkTimeDependencyOnSodiumCairoOrPango() throws {
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/ldd"), [Paths.binary.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("libc.so.6"), "ldd listed no libraries: \(r.stdout) \(r.stderr)")
        for lib in ["libsodium", "libcairo", "libpango", "libgobject"] {
            #expect(!r.stdout.contains(lib), "\(lib) is a link-time dependency again:\n\(r.stdout)")
        }
    }

    @Test func libsodiumLoadsAtRunTime() {
        #expect(SodiumLibrary.problem == nil)
    }

    /// A directory of empty files named like the libraries, first on the
    /// loader's search path: dlopen finds them and fails, as when a library
    /// is missing or broken.
    static func brokenLibraries(_ names: [String]) throws -> URL {
        let dir = Paths.tempDir("brokenlibs")
        for n in names { FileManager.default.createFile(atPath: dir.appendingPathComponent(n).path, contents: Data()) }
        return dir
    }

    @Test func withoutLibsodiumWardlineStopsAtStartWithOneLineNamingThePackage() throws {
        let libs = try Self.brokenLibraries(["libsodium.so.23", "libsodium.so"])
        defer { try? FileManager.default.removeItem(at: libs) }
        let db = libs.appendingPathComponent("ward.sqlite").path
        var env = ProcessInfo.processInfo.environment
        env["LD_LIBRARY_PATH"] = libs.path
        let r = try runWardline(["demo", "--db", db, "--create-only"], environment: env)
        #expect(r.status == 69, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("wardline: cannot start: libsodium") && lines[0].hasSuffix("libsodium23"),
                "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "nothing written without the library")
    }

    @Test func withoutCairoOnlyThePDFIsRefusedAndTheTextHandoverWorks() throws {
        let ward = try DemoWardDB("nocairo"); defer { ward.remove() }
        let libs = try Self.brokenLibraries(["libcairo.so.2", "libcairo.so"])
        defer { try? FileManager.default.removeItem(at: libs) }
        var env = ProcessInfo.processInfo.environment
        env["LD_LIBRARY_PATH"] = libs.path
        let out = ward.dir.appendingPathComponent("h.pdf").path
        let pdf = try runWardline(["handover", "--db", ward.path, "--format", "pdf", "--out", out], environment: env)
        #expect(pdf.status == 74, "\(pdf.stderr)")
        #expect(pdf.stderr.contains("install the Debian package libcairo2") && pdf.stderr.contains("--format text"), "\(pdf.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let text = try runWardline(["handover", "--db", ward.path, "--format", "text"], environment: env)
        #expect(text.status == 0 && text.stdout.contains("HANDOVER"), "\(text.stderr)")
    }
}
