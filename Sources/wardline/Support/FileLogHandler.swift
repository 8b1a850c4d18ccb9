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
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) [\(label)] \(event.message)\(meta)\n")
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
