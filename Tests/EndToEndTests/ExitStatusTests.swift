import ArgumentParser
import Testing
import WardCore
import WardStore
@testable import wardline

private typealias ExitStatus = wardline.ExitStatus   // not Testing's

/// The CLI's exit statuses keep the numbers docs/ward-it.md ("Exit statuses") and scripts rely on,
/// and each store error maps to the status it always had.
@Suite struct ExitStatusTests {
    @Test func everyStatusKeepsItsNumber() {
        var table: [(ExitStatus, Int32)] = [(.ok, 0), (.problemsFound, 1), (.inputClosed, 1), (.invalidArgument, 2)]
        table += [(.noAgreedEquivalent, 3), (.usage, 64), (.refused, 65), (.notFound, 66), (.unavailable, 69)]
        table += [(.cannotCreate, 73), (.ioError, 74), (.busy, 75), (.notPermitted, 77), (.notSetUp, 78)]
        table += [(.signal(2), 130), (.signal(15), 143)]
        for (status, code) in table { #expect(status.code == code, "\(status)") }
        #expect(ExitCode(.usage) == ExitCode.validationFailure)   // the argument parser's usage errors agree
    }

    @Test func storeOpenErrorsMapAsBefore() {
        let table: [(StoreOpenError.Kind, Int32)] = [
            (.missing, 66), (.isDirectory, 65), (.unreadable, 77), (.readOnly, 77), (.notADatabase, 65),
            (.corrupt, 65), (.newerSchema, 65), (.cannotCreate, 73), (.other, 74),
        ]
        for (kind, code) in table { #expect(ExitStatus(kind).code == code, "\(kind)") }
    }

    @Test func refusalsAndMaintenanceErrorsMapAsBefore() {
        let refusals: [(CommandRefusal.Kind, Int32)] = [
            (.invalid, 65), (.conflict, 65), (.unsafe, 65), (.notFound, 66), (.notPermitted, 77), (.locked, 77), (.storage, 74),
        ]
        for (kind, code) in refusals { #expect(ExitStatus(kind).code == code, "\(kind)") }
        let maintenance: [(MaintenanceError.Kind, Int32)] = [
            (.missing, 66), (.cannotCreate, 73), (.notAWard, 65), (.inUse, 75), (.io, 74),
        ]
        for (kind, code) in maintenance { #expect(ExitStatus(kind).code == code, "\(kind)") }
    }
}
