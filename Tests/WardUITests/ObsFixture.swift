import Foundation
@testable import WardUI
import WardCore

/// Fixture.ward plus bedside observations for Müller (bed 1).
enum ObsFixture {
    static let nurse = Fixture.ann
    static func stamp(_ id: EntryID, hoursAgo: Double, by: StaffMember = Fixture.ann, supersedes: EntryID? = nil,
                      reason: String? = nil, supersededBy: EntryID? = nil, error: Bool = false) -> EntryStamp {
        EntryStamp(id: id, patientID: Fixture.mullerID, recordedBy: by.id, recordedByName: by.name,
                   recordedAt: Fixture.ago(hours: hoursAgo), supersedes: supersedes, amendReason: reason,
                   supersededBy: supersededBy, enteredInError: error)
    }
    static func vitals(rr: Int = 16, spo2: Int = 97, o2: Bool = false, sbp: Int = 128, dbp: Int? = 78, pulse: Int = 84,
                       acvpu: ACVPU = .alert, temp: Double = 36.8) -> VitalSigns {
        VitalSigns(respirationRate: rr, spo2: spo2, onOxygen: o2, systolic: sbp, diastolic: dbp, pulse: pulse, acvpu: acvpu, temperature: temp)
    }

    static var ward: WardSnapshot {
        var w = Fixture.ward
        w.vitals[Fixture.mullerID] = [
            VitalSignsEntry(stamp: stamp(904, hoursAgo: 4.5, supersedes: 903, reason: "pulse mistyped"), vitals: vitals(pulse: 112), scale2: false),
            VitalSignsEntry(stamp: stamp(903, hoursAgo: 4.5, supersededBy: 904), vitals: vitals(pulse: 12), scale2: false),
            VitalSignsEntry(stamp: stamp(902, hoursAgo: 6, by: Fixture.ben), vitals: vitals(rr: 22, pulse: 118, temp: 37.9), scale2: false),
            VitalSignsEntry(stamp: stamp(901, hoursAgo: 20), vitals: vitals(rr: 24, spo2: 94, pulse: 124, temp: 38.2), scale2: false),
        ]
        w.sedation[Fixture.mullerID] = [
            SedationEntry(stamp: stamp(952, hoursAgo: 4.5), score: .rass(-1)),
            SedationEntry(stamp: stamp(951, hoursAgo: 9, by: Fixture.ben), score: .rass(1)),
        ]
        w.exceptions[Fixture.mullerID] = [
            MonitoringExceptionEntry(stamp: stamp(971, hoursAgo: 0.25), kind: .sedation, reason: .asleep,
                                     note: "settled, breathing normally", recheckAt: Fixture.ago(hours: -0.75)),
        ]
        return w
    }

    static func onChart(size: Size = Fixture.small) -> Driver {
        var d = Driver.onChart(size: size)
        d.send(.wardLoaded(ward))
        d.keys = 0
        return d
    }
}
