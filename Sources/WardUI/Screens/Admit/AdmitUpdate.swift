import Foundation
import WardCore

extension AppState {
    mutating func submitAdmission(_ f: inout AdmitForm) -> [Effect] {
        guard let session else { return [] }
        let v = f.fields.values.map { $0.trimmingCharacters(in: .whitespaces) }
        func fail(_ i: Int, _ text: String) -> [Effect] { f.fields.field = i; f.message = Flash(text, role: .alertWarning); return [] }
        guard !v[0].isEmpty else { return fail(0, "Type the MRN.") }
        if f.completing != nil {
            guard v[0] == f.fixed.first else { return fail(0, "The MRN is the PAS's: it cannot be changed here (ask ward IT). Type \(f.fixed[0]).") }
            guard v[4] == f.fixed.last else { return fail(4, "Completing the admission does not move the bed: leave it \(f.fixed[1].isEmpty ? "empty" : f.fixed[1]) and move with t on the overview.") }
        }
        guard v[1].contains(",") else { return fail(1, "Type the name as Family, Given (with a comma).") }
        guard let dob = CalendarDate(v[2]) else { return fail(2, "Date of birth: type a real date as YYYY-MM-DD, e.g. 1975-04-30.") }
        if let p = wardProtocol.admission.dateOfBirth.problem(dob, on: now, calendar: calendar) { return fail(2, p) }
        let sexes: [String: Sex] = ["F": .female, "M": .male, "X": .other, "U": .unknown]
        guard let sex = sexes[v[3].uppercased()] else { return fail(3, "Sex: type F, M, X (other) or U (unknown).") }
        guard !v[4].isEmpty || f.completing != nil else { return fail(4, "Type the bed.") }
        let substances: [SubstanceUse]
        switch SubstanceListParser.parse(v[5]) {
        case .success(let list): substances = list
        case .failure(let e): return fail(5, e.description + " Form: " + SubstanceListParser.syntax)
        }
        guard ["y", "n", "yes", "no"].contains(v[6].lowercased()) else { return fail(6, "Seizure history: type y or n.") }
        func list(_ s: String) -> [String] { s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        var flags: [AdmissionFlag] = []
        for code in v[7].lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            guard let f = AdmissionFlag(rawValue: code) else { return fail(7, "Order-set flag '\(code)' is unknown: type any of \(AdmissionFlag.codes).") }
            if !flags.contains(f) { flags.append(f) }
        }
        var allergies = list(v[9])
        if allergies.count == 1, allergies[0].uppercased() == AllergyStatus.nkdaWord { allergies = [AllergyStatus.nkdaWord] }
        else if allergies.contains(where: { $0.uppercased() == AllergyStatus.nkdaWord }) {
            return fail(9, "Allergies: type NKDA alone, or the list of allergies, or leave it blank (not yet known).")
        }
        f.saving = true
        f.message = Flash(f.completing == nil ? "Admitting…" : "Saving the admission…", role: .alertInfo)
        let request = AdmissionRequest(mrn: v[0], name: v[1], dateOfBirth: dob, sex: sex, bed: v[4], substances: substances,
                                       allergies: allergies, seizureHistory: v[6].lowercased().hasPrefix("y"),
                                       riskFlags: list(v[8]), admissionFlags: flags)
        if let id = f.completing { return [.completeAdmission(patientID: id, request, session: session)] }
        return [.admit(request, session: session)]
    }
}
