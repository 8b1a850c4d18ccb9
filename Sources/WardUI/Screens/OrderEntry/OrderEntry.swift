import Foundation
import WardCore

/// A prescriber's order form: a taper (with the planner's day-by-day
/// preview and guard-rail warnings) or a PRN order from a protocol template.
/// Changing an order uses the same form with a status and a reason.
public struct OrderEntryForm: Sendable, Hashable {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case kind, drug, route, indication, startMg, phases, times, startDay, profile, holdFrom
        case template, doseMg, threshold, interval, max24h
        case status, reason

        var label: String {
            switch self {
            case .kind: "Kind (Space: taper/PRN)"
            case .drug: "Drug"
            case .route: "Route"
            case .indication: "Indication"
            case .startMg: "Start daily dose, mg"
            case .phases: "Phases until:step:every-days"
            case .times: "Dose times"
            case .startDay: "Day 0 (YYYY-MM-DD)"
            case .profile: "Guard rail (Space: in/outpatient)"
            case .holdFrom: "Hold at step of (YYYY-MM-DD)"
            case .template: "PRN template (Space: next)"
            case .doseMg: "Dose, mg"
            case .threshold: "Score threshold"
            case .interval: "Minimum interval, min"
            case .max24h: "Max per 24 h, mg diazepam-eq."
            case .status: "Status (Space: active/held/stopped)"
            case .reason: "Reason for the change"
            }
        }
    }

    public var patientID: PatientID
    /// The order being changed and the version it was based on (nil: new order).
    public var changingID: OrderID?
    public var changingVersion: Int = 0
    public var kind: OrderKind = .taper
    public var values: [Field: String] = [:]
    public var field: Field = .kind
    /// Enter pressed once on a valid form: the next Enter signs.
    public var armed = false
    public var saving = false
    public var message: Flash?

    public init(patientID: PatientID, today: String, protocol p: WardProtocol) {
        self.patientID = patientID
        values[.drug] = p.taper.defaultDrug
        values[.route] = "oral"
        values[.indication] = "benzodiazepine withdrawal"
        values[.times] = p.taper.doseTimes.map(\.description).joined(separator: " ")
        values[.startDay] = today
        values[.status] = OrderStatus.active.rawValue
        // A new order on this (inpatient) ward starts on the inpatient reducing profile; shown, and Space changes it.
        values[.profile] = TaperProfile.inpatient.rawValue
        if let t = p.prn.templates.first { applyTemplate(t) }
    }

    /// The form for changing `order` (version `order.version`).
    public init(changing order: MedicationOrder, protocol p: WardProtocol) {
        self.init(patientID: order.patientID, today: order.terms.taper?.startDay ?? "", protocol: p)
        changingID = order.id; changingVersion = order.version
        kind = order.kind
        let t = order.terms
        values[.drug] = t.drug; values[.route] = t.route; values[.indication] = t.indication
        values[.status] = t.status.rawValue
        if let tp = t.taper {
            values[.startMg] = OrderEntryForm.num(tp.startDailyMg)
            values[.phases] = tp.phases.map { "\(OrderEntryForm.num($0.untilMg)):\(OrderEntryForm.num($0.step))\($0.percent ? "%" : ""):\($0.everyDays)" }
                .joined(separator: " ")
            values[.times] = t.doseTimes.joined(separator: " ")
            values[.startDay] = tp.startDay
            values[.profile] = tp.profile.rawValue
            values[.holdFrom] = tp.holdFromDay ?? ""
        }
        if let pr = t.prn {
            values[.template] = pr.template; values[.doseMg] = OrderEntryForm.num(pr.doseMg)
            values[.threshold] = String(pr.threshold); values[.interval] = String(pr.minIntervalMinutes)
            values[.max24h] = OrderEntryForm.num(pr.maxPer24hDiazepamMg)
        }
        field = .status
    }

    mutating func applyTemplate(_ t: PRNTemplate) {
        values[.template] = t.name
        values[.doseMg] = OrderEntryForm.num(t.doseMg)
        values[.threshold] = String(t.threshold)
        values[.interval] = String(t.minIntervalMinutes)
        values[.max24h] = OrderEntryForm.num(t.maxPer24hDiazepamMg)
        if kind == .prn { values[.drug] = t.drug }
    }

    static func num(_ v: Double) -> String { DoseText.mg(v) }

    /// Fields changed with Space, not typed into.
    static let spaceFields: Set<Field> = [.kind, .template, .status, .profile]

    /// The fields shown for this kind, in order.
    public var fields: [Field] {
        var f: [Field] = changingID == nil ? [.kind] : [.status, .reason]
        f += [.drug, .route, .indication]
        f += kind == .taper ? [.startMg, .phases, .times, .startDay, .profile] : [.template, .doseMg, .threshold, .interval, .max24h]
        // Holding a taper at a step is a change of a signed taper (a new version), not part of a new order.
        if changingID != nil && kind == .taper { f.append(.holdFrom) }
        return f
    }

    func text(_ f: Field) -> String { values[f] ?? "" }

    /// The order as typed, or what to fix.
    public func terms(_ p: WardProtocol) -> Result<OrderTerms, OrderFormProblem> {
        let status = OrderStatus(rawValue: text(.status)) ?? .active
        func number(_ f: Field) -> Double? { Double(text(f).trimmingCharacters(in: .whitespaces)) }
        func int(_ f: Field) -> Int? { Int(text(f).trimmingCharacters(in: .whitespaces)) }
        let drug = text(.drug).trimmingCharacters(in: .whitespaces).lowercased()
        guard !drug.isEmpty else { return .failure(OrderFormProblem("Type the drug.")) }
        switch kind {
        case .taper:
            guard let start = number(.startMg), start > 0 else { return .failure(OrderFormProblem("Start daily dose: type mg above 0.")) }
            var phases: [OrderPhase] = []
            for part in text(.phases).split(whereSeparator: { $0 == " " || $0 == "," }) {
                let bits = part.split(separator: ":").map(String.init)
                let percent = bits.count == 3 && bits[1].hasSuffix("%")
                guard bits.count == 3, let until = Double(bits[0]), let step = Double(percent ? String(bits[1].dropLast()) : bits[1]),
                      let every = Int(bits[2]) else {
                    return .failure(OrderFormProblem("Phase '\(part)': write until:step:days, e.g. 10:2:7 (down to 10 mg by 2 mg every 7 days) or 0:10%:14."))
                }
                phases.append(OrderPhase(untilMg: until, step: step, percent: percent, everyDays: every))
            }
            guard !phases.isEmpty else { return .failure(OrderFormProblem("Phases: at least one, e.g. 0:2:7.")) }
            let times = text(.times).split(separator: " ").map(String.init)
            guard !times.isEmpty, times.allSatisfy({ ClockTime($0) != nil }) else { return .failure(OrderFormProblem("Dose times: HH:MM separated by spaces.")) }
            guard let day0 = MedicationSchedule.startOfDay(text(.startDay), Calendar(identifier: .gregorian)) else {
                return .failure(OrderFormProblem("Day 0: YYYY-MM-DD."))
            }
            let holdText = text(.holdFrom).trimmingCharacters(in: .whitespaces)
            if !holdText.isEmpty {
                guard let hold = MedicationSchedule.startOfDay(holdText, Calendar(identifier: .gregorian)) else {
                    return .failure(OrderFormProblem("Hold at the step of: YYYY-MM-DD, or empty for no hold."))
                }
                guard hold >= day0 else { return .failure(OrderFormProblem("Hold at the step of: not before day 0 (\(text(.startDay))).")) }
            }
            return .success(OrderTerms(kind: .taper, drug: drug, route: text(.route), indication: text(.indication), doseTimes: times,
                                       taper: TaperTerms(startDailyMg: start, phases: phases, startDay: text(.startDay),
                                                         profile: TaperProfile(rawValue: text(.profile)) ?? .inpatient,
                                                         holdFromDay: holdText.isEmpty ? nil : holdText),
                                       status: status))
        case .prn:
            guard let dose = number(.doseMg), dose > 0 else { return .failure(OrderFormProblem("PRN dose: mg above 0.")) }
            guard let th = int(.threshold) else { return .failure(OrderFormProblem("Threshold: a whole number.")) }
            guard let iv = int(.interval), iv >= 1 else { return .failure(OrderFormProblem("Minimum interval: whole minutes, 1 or more.")) }
            guard let mx = number(.max24h), mx > 0 else { return .failure(OrderFormProblem("Max per 24 h: mg diazepam-equivalent above 0.")) }
            let scale = p.prn.template(text(.template))?.scale.rawValue ?? ScaleKind.ciwaB.rawValue
            return .success(OrderTerms(kind: .prn, drug: drug, route: text(.route), indication: text(.indication),
                                       prn: PRNTerms(template: text(.template), scale: scale, threshold: th, doseMg: dose,
                                                     minIntervalMinutes: iv, maxPer24hDiazepamMg: mx), status: status))
        }
    }
}

extension AppState {
}

/// What to fix on the order form.
public struct OrderFormProblem: Error, Sendable, Hashable {
    public var message: String
    init(_ message: String) { self.message = message }
}

extension OrderEntryForm: SavingScreen {
    var screen: Screen { .orderEntry(self) }
    var keyContext: KeyContext { .orderEntry }
    /// The form is typed into: every key is the form's.
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { false }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleOrderEntry(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { OrderEntryView.draw(&s, app, self) }

    /// A refused order must be signed again on purpose.
    mutating func refused(_ text: String) {
        saving = false
        armed = false
        message = Flash(text, role: .error)
    }

    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        guard case .order(let o) = saved else { return .unasked(saved, app) }
        return AfterSave(flash: Flash("Signed: order #\(o.id) version \(o.version), \(o.drug) \(o.kind == .prn ? "PRN" : "taper").", role: .saved))
    }
}
