import Foundation
import WardCore

/// The ADT events the ward's interface applies (HL7 v2 chapter 3).
public enum ADTEvent: String, Sendable, CaseIterable {
    case admit = "A01", transfer = "A02", discharge = "A03", update = "A08"
    case cancelAdmit = "A11", cancelTransfer = "A12", cancelDischarge = "A13"
}

/// Why a message is not applied, as its ACK says: `AR` (rejected: not ADT, not for this ward,
/// unreadable) or `AE` (an error in a field, or the ward's record refuses it), with the place of the
/// field (ERR-2), the HL7 table 0357 code (ERR-3) and a sentence for the interface engine's log.
public struct ADTProblem: Error, Sendable, Hashable {
    public enum Kind: String, Sendable { case reject = "AR", error = "AE" }
    public var kind: Kind
    public var location: String
    public var code: Int
    public var message: String
    public init(_ kind: Kind, _ location: String, _ code: Int, _ message: String) {
        self.kind = kind; self.location = location; self.code = code; self.message = message
    }
}

/// Where PV1-3 (or PV1-6) puts the patient: point of care ^ room ^ bed.
public struct ADTLocation: Sendable, Hashable {
    public var pointOfCare: String
    public var room: String?
    public var bed: String?
    public init(pointOfCare: String, room: String?, bed: String?) { self.pointOfCare = pointOfCare; self.room = room; self.bed = bed }
}

/// The header of any message that was parsed (what an ACK answers).
public struct HL7Header: Sendable, Hashable {
    public var sendingApplication: String
    public var sendingFacility: String
    public var receivingApplication: String
    public var receivingFacility: String
    public var controlID: String?
    public var messageType: String
    public var version: String
    public var processingID: String
}

/// An ADT message read into the values the ward stores, every field checked.
public struct ADTMessage: Sendable, Hashable {
    public var header: HL7Header
    public var event: ADTEvent
    public var eventTime: Date?
    public var mrn: String
    public var name: String?
    public var dateOfBirth: CalendarDate?
    public var sex: Sex?
    public var patientClass: String?
    public var location: ADTLocation?
    public var priorLocation: ADTLocation?
    public var allergies: [String]

    /// The header of a parsed message (nil fields empty).
    public static func header(_ m: HL7Message) -> HL7Header {
        func v(_ p: String) -> String { ((try? m.value(p)) ?? nil) ?? "" }
        let type = [v("MSH-9.1"), v("MSH-9.2")].filter { !$0.isEmpty }.joined(separator: "^")
        return HL7Header(sendingApplication: v("MSH-3"), sendingFacility: v("MSH-4"),
                         receivingApplication: v("MSH-5"), receivingFacility: v("MSH-6"),
                         controlID: ((try? m.value("MSH-10")) ?? nil), messageType: type,
                         version: v("MSH-12"), processingID: v("MSH-11"))
    }

    /// Reads an ADT message for the ward whose point of care (PV1-3.1) is `pointOfCare`.
    /// `otherWards`: the point-of-care codes of the hospital's other wards (an A02 may send the
    /// patient there; any other place is "not for this ward").
    public static func read(_ m: HL7Message, pointOfCare: String, otherWards: Set<String> = [],
                            calendar: Calendar = .wardDefault) throws(ADTProblem) -> ADTMessage {
        let h = header(m)
        func text(_ p: String, max: Int, in seg: [String]? = nil) throws(ADTProblem) -> String? {
            let raw: String?
            do { raw = try m.value(p, in: seg) } catch { throw ADTProblem(.error, error.location, 102, error.message) }
            guard let t = raw?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            if t.unicodeScalars.contains(where: InputText.isControl) {
                throw ADTProblem(.error, p, 102, "\(p) contains a control character; send plain text")
            }
            if t.count > max { throw ADTProblem(.error, p, 102, "\(p) is longer than \(max) characters") }
            return t
        }
        guard h.controlID != nil else { throw ADTProblem(.reject, "MSH-10", 101, "MSH-10 (message control ID) is empty") }
        guard h.version.hasPrefix("2.") else {
            throw ADTProblem(.reject, "MSH-12", 203, "HL7 version \(h.version.isEmpty ? "(empty)" : String(h.version.prefix(12))) is not 2.x")
        }
        let type = try text("MSH-9.1", max: 3) ?? ""
        guard type == "ADT" else { throw ADTProblem(.reject, "MSH-9", 200, "\(type.isEmpty ? "(empty)" : type) messages are not for this ward: it takes ADT only") }
        let trigger = try text("MSH-9.2", max: 3) ?? ""
        guard let event = ADTEvent(rawValue: trigger) else {
            throw ADTProblem(.reject, "MSH-9", 201, "ADT^\(trigger) is not an event this ward applies (A01, A02, A03, A08, A11, A12, A13)")
        }
        guard m.segment("PID") != nil else { throw ADTProblem(.error, "PID", 100, "the PID segment is missing") }
        guard let mrn = try text("PID-3.1", max: 32) else { throw ADTProblem(.error, "PID-3", 101, "PID-3 (the MRN) is empty") }
        var out = ADTMessage(header: h, event: event, eventTime: nil, mrn: mrn, name: nil, dateOfBirth: nil, sex: nil,
                             patientClass: try text("PV1-2", max: 4), location: nil, priorLocation: nil, allergies: [])
        if let t = try text("EVN-2", max: 40) {
            guard let d = time(t, calendar: calendar) else { throw ADTProblem(.error, "EVN-2", 102, "EVN-2 (event time) \(t) is not a date and time (YYYYMMDDHHMM[SS])") }
            out.eventTime = d
        }
        if let family = try text("PID-5.1", max: 100) {
            let given = [try text("PID-5.2", max: 60), try text("PID-5.3", max: 60)].compactMap { $0 }.joined(separator: " ")
            let whole = given.isEmpty ? family : "\(family), \(given)"
            guard whole.count <= 100 else { throw ADTProblem(.error, "PID-5", 102, "PID-5 (the name) is longer than 100 characters") }
            out.name = whole
        }
        if let t = try text("PID-7", max: 26) {
            let digits = String(t.prefix(8))
            guard digits.count == 8, digits.allSatisfy(Self.isDigit),
                  let y = Int(digits.prefix(4)), let mo = Int(digits.dropFirst(4).prefix(2)), let da = Int(digits.suffix(2)),
                  let d = CalendarDate(year: y, month: mo, day: da) else {
                throw ADTProblem(.error, "PID-7", 102, "PID-7 (date of birth) \(t) is not a date (YYYYMMDD)")
            }
            out.dateOfBirth = d
        }
        if let t = try text("PID-8", max: 1) {
            switch t.uppercased() {
            case "F": out.sex = .female
            case "M": out.sex = .male
            case "O", "A", "N", "X": out.sex = .other
            case "U": out.sex = .unknown
            default: throw ADTProblem(.error, "PID-8", 103, "PID-8 (administrative sex) \(t) is not one of F, M, O, A, N, U")
            }
        }
        func location(_ f: String) throws(ADTProblem) -> ADTLocation? {
            guard let poc = try text("\(f).1", max: 60) else { return nil }
            return ADTLocation(pointOfCare: poc, room: try text("\(f).2", max: 20), bed: try text("\(f).3", max: 20))
        }
        out.location = try location("PV1-3")
        out.priorLocation = try location("PV1-6")
        for seg in m.all("AL1") {
            if let a = try text("AL1-3.2", max: 100, in: seg) { out.allergies.append(a) }
            else if let a = try text("AL1-3.1", max: 100, in: seg) { out.allergies.append(a) }
        }
        // Whose message is it? An A02 may move a patient of this ward elsewhere; everything else
        // that names a place must name this ward.
        if let here = out.location?.pointOfCare, here != pointOfCare {
            let leaving = event == .transfer && otherWards.contains(here)
            if !leaving {
                throw ADTProblem(.reject, "PV1-3", 204, "PV1-3 names the point of care \(here), not this ward (\(pointOfCare)): the message is not for this ward")
            }
        }
        switch event {
        case .admit:
            guard out.name != nil else { throw ADTProblem(.error, "PID-5", 101, "PID-5 (the patient's name) is empty") }
            guard out.dateOfBirth != nil else { throw ADTProblem(.error, "PID-7", 101, "PID-7 (date of birth) is empty") }
            guard out.location != nil else { throw ADTProblem(.error, "PV1-3", 101, "PV1-3 (where the patient is admitted) is empty: an admission must name this ward") }
        case .transfer:
            guard out.location != nil else { throw ADTProblem(.error, "PV1-3", 101, "PV1-3 (where the patient moves to) is empty") }
        default: break
        }
        return out
    }

    /// 0–9 only (`Character.isNumber` is true for "½" and other scripts' digits).
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// An HL7 TS: YYYYMMDD[HHMM[SS[.S…]]][+/-ZZZZ]; without an offset, the ward's time zone.
    static func time(_ t: String, calendar: Calendar) -> Date? {
        var body = Substring(t); var offset: Int? = nil
        if let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }), body.distance(from: sign, to: body.endIndex) == 5 {
            let z = body[body.index(after: sign)...]
            guard z.allSatisfy(Self.isDigit), let hh = Int(z.prefix(2)), let mm = Int(z.suffix(2)), hh < 15, mm < 60 else { return nil }
            offset = (hh * 3600 + mm * 60) * (body[sign] == "-" ? -1 : 1)
            body = body[..<sign]
        }
        if let dot = body.firstIndex(of: ".") {
            guard body[body.index(after: dot)...].allSatisfy(Self.isDigit) else { return nil }
            body = body[..<dot]
        }
        guard [8, 12, 14].contains(body.count), body.allSatisfy(Self.isDigit) else { return nil }
        let digits = Array(body)
        func n(_ from: Int, _ len: Int) -> Int? {
            from + len <= digits.count ? Int(String(digits[from..<(from + len)])) : nil
        }
        var cal = calendar
        if let offset, let tz = TimeZone(secondsFromGMT: offset) { cal.timeZone = tz }
        var c = DateComponents(year: n(0, 4), month: n(4, 2), day: n(6, 2), hour: n(8, 2) ?? 0, minute: n(10, 2) ?? 0, second: n(12, 2) ?? 0)
        c.calendar = cal
        guard c.year != nil, let m = c.month, let d = c.day, let h = c.hour, let mi = c.minute, let s = c.second,
              (1...12).contains(m), (1...31).contains(d), h < 24, mi < 60, s < 60, c.isValidDate(in: cal) else { return nil }
        return cal.date(from: c)
    }
}
