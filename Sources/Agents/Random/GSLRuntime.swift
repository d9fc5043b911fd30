import CGSL

/// One-time set-up of the GSL library for use inside a long-running program.
public enum GSLRuntime {
    private static let prepared: Void = cgsl_disable_abort_on_error()

    /// Switches off GSL's abort-on-error handler (idempotent, thread-safe). GSL then reports errors
    /// only through return codes, which callers check, instead of killing the process.
    public static func prepare() {
        _ = prepared
    }
}
