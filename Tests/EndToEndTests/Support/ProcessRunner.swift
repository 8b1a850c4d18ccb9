import Foundation

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the process had to be killed because it outlived the deadline.
    var timedOut: Bool
}

/// Runs a program to completion (or until `timeout`, then kills it), with
/// stdin from /dev/null unless `input` is given.
func runProcess(_ executable: URL, _ arguments: [String], input: String? = nil,
                environment: [String: String]? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let inPipe = Pipe()
    if input != nil { p.standardInput = inPipe } else { p.standardInput = FileHandle(forReadingAtPath: "/dev/null") }
    try p.run()
    if let input {
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try? inPipe.fileHandleForWriting.close()
    }
    // Drain both pipes concurrently so a chatty child never blocks.
    final class Box: @unchecked Sendable { var data = Data() }
    let o = Box(), e = Box()
    let g = DispatchGroup()
    g.enter(); DispatchQueue.global().async { o.data = out.fileHandleForReading.readDataToEndOfFile(); g.leave() }
    g.enter(); DispatchQueue.global().async { e.data = err.fileHandleForReading.readDataToEndOfFile(); g.leave() }
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while p.isRunning {
        if Date() > deadline { timedOut = true; p.terminate(); kill(p.processIdentifier, SIGKILL); break }
        usleep(10_000)
    }
    p.waitUntilExit()
    g.wait()
    return ProcessResult(status: p.terminationStatus, stdout: String(decoding: o.data, as: UTF8.self),
                         stderr: String(decoding: e.data, as: UTF8.self), timedOut: timedOut)
}
