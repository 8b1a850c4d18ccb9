import Foundation
import Testing
import TestTools
@testable import WardUI

/// Compares a surface (text + role map) with its golden file in __Snapshots__ (see `assertGolden`).
func assertSnapshot(_ surface: Surface, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(surface.snapshot(), named: name, filePath: filePath, sourceLocation: sourceLocation)
}
