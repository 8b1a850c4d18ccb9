import WardCore

extension AppState {
    /// Keys on the sign-in screen: typing goes into the focused field.
    mutating func handleSignIn(_ action: Action?, _ event: InputEvent, _ form: inout SignInForm) -> [Effect] {
        if form.pending { return [] }
        switch action {
        case .submit:
            if form.field == .staffID {
                guard !form.staffID.isEmpty else {
                    form.message = Flash("Type your staff ID first.", role: .alertWarning)
                    return []
                }
                form.field = .pin
                return []
            }
            guard !form.pin.isEmpty else {
                form.message = Flash("Type your PIN, then Enter.", role: .alertWarning)
                return []
            }
            guard !form.staffID.isEmpty else {
                form.field = .staffID
                form.message = Flash("Type your staff ID first.", role: .alertWarning)
                return []
            }
            form.pending = true
            form.message = Flash("Signing in…", role: .alertInfo)
            return [.signIn(staffID: form.staffID, secret: form.pin)]
        case .nextField:
            form.field = form.field == .staffID ? .pin : .staffID
        case .erase:
            if form.field == .staffID { _ = form.staffID.popLast() } else { _ = form.pin.popLast() }
        case .clearField:
            if form.switchingFrom != nil, form.staffID.isEmpty, form.pin.isEmpty {
                gate = .locked(UnlockForm())
                return []
            }
            form = SignInForm(switchingFrom: form.switchingFrom)
        case .help:
            showingHelp = true
        case .quit:
            if form.switchingFrom != nil {
                form.message = Flash("Quit is only possible after signing in (the locked user's work is open).", role: .alertWarning)
                return []
            }
            let work = keptDrafts
            if !work.isEmpty {
                form.message = Flash("\(AppState.draftsPhrase(work)) kept for colleagues: sign in and press q to quit.", role: .alertWarning)
                return []
            }
            quitting = true
            return [.quit]
        default:
            guard case .char(let c) = event else { return [] }
            type(c, into: &form)
        }
        return []
    }

    private func type(_ c: Character, into form: inout SignInForm) {
        form.message = nil
        let maxLength = 64   // input buffer bound, not a policy value
        switch form.field {
        case .staffID:
            guard c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." else {
                form.message = Flash("Staff IDs are letters and digits.", role: .alertWarning)
                return
            }
            if form.staffID.count < maxLength { form.staffID.append(c) }
        case .pin:
            if securityPolicy.pinDigitsOnly, !c.isASCII || !c.isNumber {
                form.message = Flash("The PIN is digits only.", role: .alertWarning)
                return
            }
            if form.pin.count < maxLength { form.pin.append(c) }
        }
    }

    mutating func handleSignInResult(_ result: Result<StaffMember, CommandRefusal>) -> [Effect] {
        switch gate {
        case .signIn(var form) where form.pending:
            switch result {
            case .failure(let refusal):
                form.pending = false
                form.pin = ""
                form.field = .pin
                form.message = Flash(refusal.message, role: .error)
                gate = .signIn(form)
                return []
            case .success(let staff):
                return begin(as: staff)
            }
        case .locked(var form) where form.pending:
            switch result {
            case .failure(let refusal):
                form.pending = false
                form.pin = ""
                form.message = Flash(refusal.message, role: .error)
                gate = .locked(form)
                return []
            case .success(let staff):
                guard staff.id == session?.staff.id else {
                    // Unlock only ever checks the locked person's own ID.
                    form.pending = false
                    form.pin = ""
                    form.message = Flash("That sign-in was for someone else: use Tab (switch user).", role: .error)
                    gate = .locked(form)
                    return []
                }
                gate = nil
                lastInputAt = now
                return [.loadWard]
            }
        default:
            return []   // a late answer nobody is waiting for
        }
    }

    /// `staff` has signed in: the same person gets their screens back; someone
    /// else gets their own parked work (or the ward list), and the previous
    /// person's started form is parked for them.
    private mutating func begin(as staff: StaffMember) -> [Effect] {
        if let current = session, current.staff.id == staff.id {
            gate = nil
            lastInputAt = now
            return [.loadWard]
        }
        if let current = session {
            let work = stack.filter { !$0.isModal }
            if !AppState.unsavedWork(in: work).isEmpty {
                drafts[current.staff.id] = work
            }
        }
        session = Session(staff: staff, terminal: terminalName)
        stack = drafts.removeValue(forKey: staff.id) ?? AppState.landing(for: staff)
        gate = nil
        showingHelp = false
        lastInputAt = now
        if let back = AppState.yourUnsavedWork(in: stack, items: "items scored", now: "back") {
            flash = Flash(back, role: .alertInfo)
        } else {
            flash = Flash("Signed in as \(staff.name).", role: .alertInfo)
        }
        return [.loadWard]
    }
}
