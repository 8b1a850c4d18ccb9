import Foundation
import Testing
@_exported import TestTools
@testable import WardUI

// `assertGolden` (text against __Snapshots__/NAME.txt next to the calling file) is the shared one in
// TestTools; the export above makes it visible in every file of this target without its own import.

/// Compares a surface (text + role map) with its golden file in __Snapshots__ (see `assertGolden`).
func assertSnapshot(_ surface: Surface, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(surface.snapshot(), named: name, filePath: filePath, sourceLocation: sourceLocation)
}
