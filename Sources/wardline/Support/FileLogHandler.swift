import Foundation
import Logging

/// A swift-log handler that appends one line per message to a file.
/// What goes into the log is operational only (start, stop, errors, entry
/// ids): callers never log patient names, PINs or free text.
struct FileLogHandler: LogHandler {
    private let sink: LogSink
    private let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String, sink: LogSink) { self.label = label; self.sink = sink }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(Self.stamp(Date())) \(event.level) [\(label)] \(event.message)\(meta)\n")
    }

    /// "2026-12-05T04:53:52Z" with gmtime_r: no date formatter (and none of the ICU data it loads).
    static func stamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}

/// The open log file, shared by every logger of the process. Opened
/// O_APPEND: several terminal processes share one log, and each line is one
/// write(2) landing whole at the end, never over another process's line.
final class LogSink: Sendable {
    /// The file descriptor (-1 when the log could not be opened); the crash handler writes to it too.
    let fd: Int32

    init(path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
    }

    deinit { if fd >= 0 { close(fd) } }

    func write(_ line: String) {
        guard fd >= 0 else { return }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// `$XDG_STATE_HOME/wardline/wardline.log`, or `~/.local/state/wardline/wardline.log`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let s = environment["XDG_STATE_HOME"], s.hasPrefix("/") { return s + "/wardline/wardline.log" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/wardline/wardline.log"
    }
}
