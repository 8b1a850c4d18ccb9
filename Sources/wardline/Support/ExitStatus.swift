import ArgumentParser
import Foundation
import WardCore
import WardStore

/// Every way `wardline` can end, by name. The numbers are the ones scripts and
/// docs/ward-it.md ("Exit statuses") rely on: BSD sysexits (64–78) for the
/// ward-IT commands, a few small numbers older than them (1, 2, 3), and the
/// shell's 128 + n for a signal. Code never writes a bare exit number: it
/// names one of these.
enum ExitStatus: Equatable, Sendable {
    /// 0: done.
    case ok
    /// 1: the thing checked has problems, each listed (`check`, `backup`'s check of its copy,
    /// `audit verify` / `audit anchor`, `protocol check` or an invalid `--protocol` file).
    case problemsFound
    /// 1: the TUI's input closed (end of file, or the terminal went away).
    case inputClosed
    /// 2: an argument or file that `calc`, `--theme` or `--protocol` was given is not accepted
    /// (an unreadable or non-UTF-8 protocol file), or this terminal cannot run the TUI (`TERM`).
    /// Older than the sysexits below, and kept: scripts and issue 3 rely on `calc`'s 2.
    case invalidArgument
    /// 3: `calc equivalent`: a recognised drug with no agreed diazepam equivalent (a refusal to
    /// invent a value, not an argument error).
    case noAgreedEquivalent
    /// 64 (EX_USAGE): a missing or malformed argument to a ward-IT or printing command (also the
    /// argument parser's own usage errors), or no ID/PIN on stdin.
    case usage
    /// 65 (EX_DATAERR): refused — the input breaks a rule (invalid value, conflict, a dose-safety
    /// rule, a weak PIN), or the file is not a usable ward (not a Wardline database, damaged,
    /// from a newer Wardline, a backup that does not check clean).
    case refused
    /// 66 (EX_NOINPUT): no such database, patient, order, dose or file.
    case notFound
    /// 69 (EX_UNAVAILABLE): a runtime library is missing (libsodium: nothing starts), or a
    /// printout was saved but could not be printed.
    case unavailable
    /// 73 (EX_CANTCREAT): the file to create exists or cannot be created (init, demo, backup, anchor).
    case cannotCreate
    /// 74 (EX_IOERR): reading or writing failed.
    case ioError
    /// 75 (EX_TEMPFAIL): busy — a terminal has the ward open (`restore`); try again later.
    case busy
    /// 77 (EX_NOPERM): not permitted — wrong PIN, locked out, the role may not, file permissions,
    /// or a ward-IT command run through the installed program.
    case notPermitted
    /// 78 (EX_CONFIG): the ward is not set up yet (a database with no staff: run `wardline init`).
    case notSetUp
    /// 128 + n: stopped by signal n (the shell's convention).
    case signal(Int32)

    /// The process exit status.
    var code: Int32 {
        switch self {
        case .ok: 0
        case .problemsFound, .inputClosed: 1
        case .invalidArgument: 2
        case .noAgreedEquivalent: 3
        case .usage: 64
        case .refused: 65
        case .notFound: 66
        case .unavailable: 69
        case .cannotCreate: 73
        case .ioError: 74
        case .busy: 75
        case .notPermitted: 77
        case .notSetUp: 78
        case .signal(let n): 128 + n
        }
    }

    /// Why a ward database could not be opened, as an exit status.
    init(_ kind: StoreOpenError.Kind) {
        switch kind {
        case .missing: self = .notFound
        case .isDirectory, .notADatabase, .corrupt, .newerSchema: self = .refused
        case .unreadable, .readOnly: self = .notPermitted
        case .cannotCreate: self = .cannotCreate
        case .badLocation: self = .usage
        case .unreachable: self = .unavailable
        case .olderSchema: self = .notSetUp
        case .other: self = .ioError
        }
    }

    /// Why the store refused a command, as an exit status.
    init(_ kind: CommandRefusal.Kind) {
        switch kind {
        case .invalid, .conflict, .unsafe: self = .refused
        case .notFound: self = .notFound
        case .notPermitted, .locked: self = .notPermitted
        case .storage: self = .ioError
        }
    }

    /// Why a backup, restore or check could not be done, as an exit status.
    init(_ kind: MaintenanceError.Kind) {
        switch kind {
        case .missing: self = .notFound
        case .cannotCreate: self = .cannotCreate
        case .notAWard: self = .refused
        case .inUse: self = .busy
        case .io: self = .ioError
        }
    }
}

extension ExitCode {
    /// The argument parser's exit for `status` (nothing printed).
    init(_ status: ExitStatus) { self.init(status.code) }
}

// MARK: - The error printer

/// The one error printer: `message` on stderr as "wardline: MESSAGE" ("wardline calc: …" with
/// `command`), control characters shown as ^X so a stored name cannot drive the terminal;
/// returns the error to throw, which ends the process with `status`.
func fail(_ status: ExitStatus, _ message: String, command: String? = nil) -> ExitCode {
    printError(message, command: command)
    return ExitCode(status)
}

/// Prints `message` the way `fail` does without ending: warnings, and what the TUI says after
/// the terminal is restored. A message of several lines is prefixed once.
func printError(_ message: String, command: String? = nil) {
    let prefix = command.map { "wardline \($0): " } ?? "wardline: "
    let text = message.split(separator: "\n", omittingEmptySubsequences: false).map { InputText.visible(String($0)) }
    writeStderr(prefix + text.joined(separator: "\n") + "\n")
}

/// Writes text to stderr as it is (prompts, reports already formatted, "saved to …").
func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

extension CommandRefusal {
    /// The refusal as the CLI reports it: its message, once, and its exit status.
    var cliFailure: ExitCode { fail(ExitStatus(kind), message) }
}

extension StoreOpenError {
    var cliFailure: ExitCode { fail(ExitStatus(kind), message) }
}

extension MaintenanceError {
    var cliFailure: ExitCode { fail(ExitStatus(kind), message) }
}
