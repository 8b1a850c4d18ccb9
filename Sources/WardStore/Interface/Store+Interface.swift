import Foundation
import WardCore

/// What the listener answers a message with.
public struct InboundOutcome: Sendable, Hashable {
    /// The ACK's bytes (UTF-8), to be framed and sent; nil when the message could not be stored
    /// (the database is unreachable): no ACK is sent, so the sender sends it again.
    public var ack: [UInt8]?
    /// AA, AE or AR.
    public var code: String
    /// A resend of a control ID already answered: the stored ACK, nothing applied.
    public var duplicate: Bool
    /// One line for the service log.
    public var detail: String
}

extension Store {
    /// The staff ID the HL7 interface acts as in the audit trail.
    public static let interfaceStaffID = "ADT-INTERFACE"

    /// The interface's session: its own staff row (role ward IT, since admitting, discharging and
    /// assigning beds need a charge nurse or ward IT, and ward IT records no clinical entry), made on
    /// first use with a PIN no one knows, so no one can sign in as it. Disabled by ward IT, the
    /// interface stops: every message is then refused by the store.
    public func interfaceSession(terminal: String) throws(CommandRefusal) -> Session {
        let sid = Self.interfaceStaffID, name = "ADT interface (HL7)"
        return try write { db in
            if let row = try db.row("SELECT id, role FROM staff WHERE staff_id = ?", [sid]), let id = row.integer("id") {
                guard row.text("role") == StaffRole.admin.rawValue else {
                    throw CommandRefusal(.conflict, "Staff ID \(sid) is taken by someone who is not the interface; ask ward IT.")
                }
                return Session(staff: StaffMember(id: id, staffID: sid, name: name, role: .admin), terminal: terminal)
            }
            let secret = Sodium.hex((0..<4).flatMap { _ in withUnsafeBytes(of: UInt64.random(in: .min ... .max)) { Array($0) } })
            guard let hash = SecretHasher.hash(secret) else { throw CommandRefusal(.storage, "Could not make the interface's staff row.") }
            let now = clock.now()
            let id = try db.insert("INSERT INTO staff(staff_id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                                   [sid, name, StaffRole.admin.rawValue, hash, Timestamp.text(now)])
            try AuditChain.append(db, at: now, actor: sid, terminal: terminal, action: "staff.add",
                                  details: ["staffID": .string(sid), "name": .string(name), "role": .string(StaffRole.admin.rawValue),
                                            "why": .string("the HL7 interface's own account; no one can sign in with it")])
            return Session(staff: StaffMember(id: id, staffID: sid, name: name, role: .admin), terminal: terminal)
        }
    }

    /// One inbound message (a frame's bytes): parsed, checked, applied through the ward's own
    /// commands, kept with its outcome, and answered. Never throws: whatever the bytes, the answer
    /// is an ACK (or, when the database cannot be reached, none).
    public func receiveHL7(_ raw: [UInt8], peer: String, pointOfCare: String, session: Session,
                           protocol ward: WardProtocol) -> InboundOutcome {
        let now = clock.now()
        let message: HL7Message
        do { message = try HL7Message.parse(raw) } catch {
            return settle(raw, peer: peer, header: nil, adt: nil, problem: ADTProblem(.reject, error.location, 102, error.message),
                          pointOfCare: pointOfCare, session: session, at: now)
        }
        let header = ADTMessage.header(message)
        if let stored = storedAck(header) { return stored }
        // A hospital's ward: the register's wards (an A02 may name one).
        let hospital = postgresWardCode == nil ? [] : ((try? hospitalWards()) ?? [])
        // This ward's code when it is in the register (a PostgreSQL ward of its own has no transfers).
        let code = hospital.contains { $0.code == postgresWardCode && !$0.isSite } ? postgresWardCode : nil
        let others = Set(hospital.filter { !$0.isSite && $0.code != code }.map(\.code))
        let adt: ADTMessage
        do { adt = try ADTMessage.read(message, pointOfCare: pointOfCare, otherWards: others) } catch {
            return settle(raw, peer: peer, header: header, adt: nil, problem: error, pointOfCare: pointOfCare, session: session, at: now)
        }
        do {
            let text = try transaction { db in
                let actor = try Actor.load(db, session)
                let done = try InterfaceApply(db: db, actor: actor, session: session, protocol: ward, now: now, pointOfCare: pointOfCare,
                                              hospitalCode: code, hospital: hospital).apply(adt)
                try Self.logMessage(db, raw, peer: peer, header: header, adt: adt, code: "AA", ack: Self.ack(header, "AA", done, nil, pointOfCare, now),
                                    detail: done, at: now)
                try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "interface.message",
                                      patientMRN: adt.mrn, details: .object(Self.auditDetails(header, "AA", done)))
                return done
            }
            return InboundOutcome(ack: Array(Self.ack(header, "AA", text, nil, pointOfCare, now).utf8), code: "AA", duplicate: false, detail: text)
        } catch let p as ADTProblem {
            return settle(raw, peer: peer, header: header, adt: adt, problem: p, pointOfCare: pointOfCare, session: session, at: now)
        } catch let r as CommandRefusal where r.kind != .storage {
            let p = ADTProblem(.error, Self.place(of: r), r.kind == .notFound ? 204 : 207, r.message)
            return settle(raw, peer: peer, header: header, adt: adt, problem: p, pointOfCare: pointOfCare, session: session, at: now)
        } catch {
            if let stored = storedAck(header) { return stored }   // a resend that raced this one
            // The database refused it (or is gone): answered AE 207 when the refusal can be kept, so a
            // sender does not resend for ever what will always be refused; when not even that can be
            // stored (the server unreachable), `settle` sends no ACK and the sender resends.
            let p = ADTProblem(.error, "MSH-9", 207, "The ward's database did not take the message: \(error)")
            return settle(raw, peer: peer, header: header, adt: adt, problem: p, pointOfCare: pointOfCare, session: session, at: now)
        }
    }

    /// A message not applied: kept, audited, answered AE or AR.
    private func settle(_ raw: [UInt8], peer: String, header: HL7Header?, adt: ADTMessage?, problem: ADTProblem,
                        pointOfCare: String, session: Session, at now: Date) -> InboundOutcome {
        let code = problem.kind.rawValue
        let text = Self.ack(header, code, problem.message, problem, pointOfCare, now)
        do {
            try write { db in
                try Self.logMessage(db, raw, peer: peer, header: header, adt: adt, code: code, ack: text, detail: problem.message, at: now)
                try AuditChain.append(db, at: now, actor: Self.interfaceStaffID, terminal: session.terminal, action: "interface.message",
                                      patientMRN: adt?.mrn, details: .object(Self.auditDetails(header, code, problem.message)))
            }
        } catch {
            if let stored = header.flatMap(storedAck) { return stored }
            return InboundOutcome(ack: nil, code: "", duplicate: false, detail: "not stored, no ACK sent (the sender will resend): \(error)")
        }
        return InboundOutcome(ack: Array(text.utf8), code: code, duplicate: false, detail: problem.message)
    }

    /// The ACK stored for this sender's control ID, if it was answered before.
    private func storedAck(_ h: HL7Header) -> InboundOutcome? {
        guard let cid = h.controlID,
              let row = try? read({ db in
                  try db.row("SELECT outcome, ack, detail FROM interface_messages WHERE sending_application = ? AND sending_facility = ? AND control_id = ?",
                             [h.sendingApplication, h.sendingFacility, cid])
              }),
              let code = row.text("outcome"), let ack = row.text("ack") else { return nil }
        return InboundOutcome(ack: Array(ack.utf8), code: code, duplicate: true, detail: "resend of control ID \(cid): the stored ACK, nothing applied again")
    }

    private static func ack(_ h: HL7Header?, _ code: String, _ text: String, _ p: ADTProblem?, _ poc: String, _ now: Date) -> String {
        let id = "WL" + String(Int64(now.timeIntervalSince1970 * 1000)) + String(UInt32.random(in: 0 ... .max), radix: 36)
        return HL7Ack.build(answering: h, code: code, text: text, problem: p, sender: poc, at: now, ackID: id)
    }

    private static func logMessage(_ db: any SQLTx, _ raw: [UInt8], peer: String, header: HL7Header?, adt: ADTMessage?,
                                   code: String, ack: String, detail: String, at now: Date) throws {
        try db.execute("""
            INSERT INTO interface_messages(received_at, peer, sending_application, sending_facility, control_id, message_type,
                                           patient_mrn, event_time, raw_base64, outcome, ack, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [Timestamp.text(now), InputText.visible(String(peer.prefix(100))), clip(header?.sendingApplication), clip(header?.sendingFacility),
                  header?.controlID.map { clip($0) }, clip(header?.messageType), adt?.mrn, adt?.eventTime.map(Timestamp.text),
                  Data(raw).base64EncodedString(), code, ack, detail])
    }

    /// Header text as kept: visible (no control characters), at most 200 characters.
    private static func clip(_ s: String?) -> String { InputText.visible(String((s ?? "").prefix(200))) }

    private static func auditDetails(_ h: HL7Header?, _ code: String, _ text: String) -> [String: JSONValue] {
        ["outcome": .string(code), "controlID": .string(clip(h?.controlID)), "type": .string(clip(h?.messageType)),
         "sender": .string(clip(h?.sendingApplication) + "@" + clip(h?.sendingFacility)), "text": .string(text)]
    }

    /// The field a store refusal is about, for ERR-2.
    private static func place(of r: CommandRefusal) -> String {
        let m = r.message.lowercased()
        if m.contains("bed") { return "PV1-3" }
        if m.contains("date of birth") { return "PID-7" }
        if m.contains("admission time") { return "EVN-2" }
        if m.contains("mrn") { return "PID-3" }
        if m.contains("name") { return "PID-5" }
        return "MSH-9"
    }
}
