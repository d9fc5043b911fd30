/// How citizens weigh the risk of expressing dissent (`[dissent]`).
public struct DissentParameters: Sendable, Equatable {
    /// k in P = 1 - exp(-k · coverage / (1 + A)) (`dissent.deterrence`, default 2.3, ≥ 0): with
    /// k = 2.3 a lone dissenter under full coverage expects to be caught with probability 0.9.
    public var deterrence: Double
    /// Severity of punishment as perceived, scaling the deterrence term (`dissent.severity`,
    /// default 1, ≥ 0).
    public var severity: Double

    public init(deterrence: Double = 2.3, severity: Double = 1) {
        self.deterrence = deterrence
        self.severity = severity
    }
}
