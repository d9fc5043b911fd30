/// How citizens weigh the risk of expressing dissent. Keys, defaults, ranges and sources:
/// ``ScenarioKeys``.
public struct DissentParameters: Sendable, Equatable {
    /// k in the detection probability P = coverage · (1 − exp(−k / (1 + A))).
    public var deterrence: Double
    /// Severity of punishment as perceived, scaling the deterrence term.
    public var severity: Double
    /// Points lost that weigh one unit of a record's cost (> 0).
    public var pointsScale: Double
    /// Cost units per expected tick of detention (≥ 0).
    public var detentionWeight: Double

    public init(deterrence: Double = 2.3, severity: Double = 1, pointsScale: Double = 50, detentionWeight: Double = 0.1)
    {
        self.deterrence = deterrence
        self.severity = severity
        self.pointsScale = pointsScale
        self.detentionWeight = detentionWeight
    }
}
