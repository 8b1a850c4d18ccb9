import Foundation
import WardCore

extension AppState {
    /// Applies a key to the fields of a small text form (acknowledge, escalate, admit, SpO2 scale);
    /// true when the form should be submitted.
    mutating func editText(_ action: Action?, _ event: InputEvent, _ fields: inout TextFields,
                           enterAdvances: Bool = false) -> Bool {
        switch action {
        case .save:
            if enterAdvances && fields.field < fields.labels.count - 1 { fields.field += 1; return false }
            return true
        case .nextField: fields.field = (fields.field + 1) % fields.labels.count
        case .previousItem: fields.field = (fields.field + fields.labels.count - 1) % fields.labels.count
        case .erase: _ = fields.values[fields.field].popLast()
        case .discard: stack.removeLast()
        default:
            if case .char(let c) = event, fields.values[fields.field].count < 300 { fields.values[fields.field].append(c) }
        }
        return false
    }
}
