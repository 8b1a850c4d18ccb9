/// The shared-terminal security settings. They come from the ward protocol's
/// `[security]` section (with their source, like every other number); the
/// code holds no defaults of its own.
public struct SecurityPolicy: Sendable, Hashable {
    /// Minimum PIN/passphrase length in characters.
    public var pinMinLength: Int
    /// PINs must be digits only when true; a passphrase is allowed when false.
    public var pinDigitsOnly: Bool
    /// Failed sign-ins in a row that lock an account.
    public var maxFailedAttempts: Int
    /// How long a locked account stays locked.
    public var lockoutMinutes: Int
    /// Idle time after which the terminal locks and blanks patient data.
    public var idleLockSeconds: Int

    public init(pinMinLength: Int, pinDigitsOnly: Bool, maxFailedAttempts: Int, lockoutMinutes: Int, idleLockSeconds: Int) {
        self.pinMinLength = pinMinLength; self.pinDigitsOnly = pinDigitsOnly
        self.maxFailedAttempts = maxFailedAttempts; self.lockoutMinutes = lockoutMinutes
        self.idleLockSeconds = idleLockSeconds
    }
}
