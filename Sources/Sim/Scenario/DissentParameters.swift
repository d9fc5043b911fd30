/// How citizens weigh the risk of expressing dissent. Keys, defaults, ranges and sources:
/// ``ScenarioKeys``.
public struct DissentParameters: Sendable, Equatable {
    /// k in the detection probability P = 1 - exp(-k · coverage / (1 + A)).
    public var deterrence: Double
    /// Severity of punishment as perceived, scaling the deterrence term.
    public var severity: Double

    public init(deterrence: Double = 2.3, severity: Double = 1) {
        self.deterrence = deterrence
        self.severity = severity
    }
}
