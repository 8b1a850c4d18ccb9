import WardCore

extension AppState {
    /// Keys on the lock screen: the PIN of the signed-in person.
    mutating func handleLock(_ action: Action?, _ event: InputEvent, _ form: inout UnlockForm) -> [Effect] {
        if form.pending { return [] }
        switch action {
        case .unlock:
            guard let session else { return [] }
            guard !form.pin.isEmpty else {
                form.message = Flash("Type your PIN, then Enter.", role: .alertWarning)
                return []
            }
            form.pending = true
            form.message = Flash("Checking…", role: .alertInfo)
            return [.signIn(staffID: session.staff.staffID, secret: form.pin)]
        case .erase:
            _ = form.pin.popLast()
        case .clearField:
            form.pin = ""
            form.message = nil
        case .switchUser:
            gate = .signIn(SignInForm(switchingFrom: session?.staff))
        case .help:
            showingHelp = true
        default:
            guard case .char(let c) = event else { return [] }
            if securityPolicy.pinDigitsOnly, !c.isASCII || !c.isNumber {
                form.message = Flash("The PIN is digits only.", role: .alertWarning)
                return []
            }
            form.message = nil
            if form.pin.count < 64 { form.pin.append(c) }
        }
        return []
    }

    /// Locks now: patient data leaves the screen; the work stack is kept.
    mutating func lock() {
        guard session != nil else { return }
        showingHelp = false
        gate = .locked(UnlockForm())
        forgetWitnessPINs()
    }

    /// Locks when no key has come for the protocol's idle time.
    mutating func lockIfIdle() {
        guard session != nil, gate == nil else { return }
        if now.timeIntervalSince(lastInputAt) >= Double(securityPolicy.idleLockSeconds) {
            lock()
        }
    }
}
