import Testing
import Foundation

@Suite struct BinaryBasicsTests {
    @Test func versionPrints() throws {
        let r = try runWardline(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
    }
}
