import Foundation
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
}
