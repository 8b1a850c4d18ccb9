import Synchronization

/// ncurses state is process-wide: only one SCREEN may be alive at a time.
/// Tests (and anything else that opens a headless screen while other code
/// might) run the screen's whole lifetime inside `ScreenLock.run`.
public enum ScreenLock {
    private static let mutex = Mutex<Void>(())

    public static func run<R>(_ body: () throws -> R) rethrows -> R {
        try mutex.withLock { _ in try body() }
    }
}
