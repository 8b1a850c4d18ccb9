import Foundation
import WardCore

/// The handover document as the printout renders it (made off the UI
/// thread by the run loop's effect runner, which owns the report engine):
/// its lines, and where each patient's block begins.
public struct HandoverDocument: Sendable, Hashable {
    public var shift: ShiftOccurrence
    /// Printout width the lines were laid out for (80 or 132).
    public var columns: Int
    public var lines: [String]
    public var anchors: [HandoverAnchor]
    public init(shift: ShiftOccurrence, columns: Int, lines: [String], anchors: [HandoverAnchor]) {
        self.shift = shift; self.columns = columns; self.lines = lines; self.anchors = anchors
    }
}

/// A patient's block in the document: its first line.
public struct HandoverAnchor: Sendable, Hashable {
    public var patientID: PatientID
    public var line: Int
    public init(patientID: PatientID, line: Int) { self.patientID = patientID; self.line = line }
}

/// The handover preview screen: the document, scrolled; one patient selected
/// (the one the accept / hand-over / note keys act on).
public struct HandoverPreviewState: Sendable, Hashable {
    public var shift: ShiftOccurrence
    /// nil until the first rendering arrives.
    public var document: HandoverDocument?
    /// First document line shown.
    public var scroll: Int
    /// The selected patient (follows scrolling to the block on screen).
    public var selected: PatientID?
    /// A print is running; the key waits for its outcome.
    public var printing: Bool
    public init(shift: ShiftOccurrence, selected: PatientID? = nil) {
        self.shift = shift; self.document = nil; self.scroll = 0; self.selected = selected; self.printing = false
    }
}

extension HandoverPreviewState: ScreenComponent {
    var screen: Screen { .handover(self) }
    var keyContext: KeyContext { .handover }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        return app.handleHandover(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { HandoverView.draw(&s, app, self) }
}
