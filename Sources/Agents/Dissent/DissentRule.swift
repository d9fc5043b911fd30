/// The public-dissent rule: Granovetter's threshold model with Kuran's preference falsification
/// and Epstein's deterrence.
///
/// Citizen i expresses dissent at tick t+1 iff f_i(t) ≥ θ_i(t), where f_i is the share of i's
/// active ties that expressed dissent at t and
///
///     θ_i = θ0_i − G_i + R_i · P_i · severity · cost_i,   G_i = H_i (1 − L),
///
/// with P_i the probability that i's dissent is recorded and cost_i what a record would cost i
/// (score points and detention, docs/MODEL.md). With G = 0 and no detection this is exactly the
/// synchronous threshold model. All functions are pure.
public enum DissentRule {
    /// Grievance G = H (1 − L), in [0, 1] for H, L in [0, 1].
    @inlinable
    public static func grievance(hardship: Float, legitimacy: Float) -> Float {
        hardship * (1 - legitimacy)
    }

    /// Whether a citizen opposes the regime privately, whatever it sees (Kuran's private
    /// preference): its grievance reaches its threshold, so it would dissent alone, were there no
    /// fear.
    @inlinable
    public static func opposes(grievance: Float, threshold: Float) -> Bool {
        grievance >= threshold
    }

    /// Probability P = coverage · (1 − e^(−k / (1 + A))) that a dissenter with A
    /// `dissentingTies` is recorded when dissent is watched with `coverage` in [0, 1]: coverage is
    /// the share of dissent watched at all, and the deterrence constant `k` ≥ 0 how fast the
    /// risk of the watched is diluted among the dissenters around them (safety in numbers).
    @inlinable
    public static func detectionProbability(coverage: Float, k: Float, dissentingTies: Int) -> Float {
        coverage * (1 - PortableMath.exp(-k / Float(1 + dissentingTies)))
    }

    /// Epstein's (2002) probability P = 1 − e^(−k ⌊C / A⌋) that a dissenter is recorded when
    /// `watchers` C are in view and `dissentersInView` A ≥ 1 (itself included): zero once the
    /// dissenters in view outnumber the watchers, as in the integer ratio of Epstein's replications.
    @inlinable
    public static func policedDetectionProbability(k: Float, watchers: Int, dissentersInView: Int) -> Float {
        1 - PortableMath.exp(-k * Float(watchers / max(dissentersInView, 1)))
    }

    /// The probability that a dissenter is in fact recorded when `watchers` C are in view and
    /// `dissentersInView` A ≥ 1 (itself included): each watcher records at most one dissenter in
    /// view per tick, so min(1, C / A), as Epstein's cops each arrest one active agent in vision.
    /// Unlike the perceived ``policedDetectionProbability(k:watchers:dissentersInView:)``, it does
    /// not drop to zero in a crowd: that is what ends an outburst.
    @inlinable
    public static func policedRecordProbability(watchers: Int, dissentersInView: Int) -> Float {
        min(1, Float(watchers) / Float(max(dissentersInView, 1)))
    }

    /// The expected cost of a record, in units of `dissent.points_scale` points: the points a
    /// record would take, `pointsAtRisk` (no more than the citizen has above the floor), times the
    /// share `listFactor` still at stake, plus the expected weight of a detention.
    @inlinable
    public static func recordCost(pointsAtRisk: Float, listFactor: Float, detentionCost: Float) -> Float {
        pointsAtRisk * listFactor + detentionCost
    }

    /// The threshold θ0 − G before deterrence: what the citizen privately requires.
    @inlinable
    public static func privateThreshold(threshold: Float, grievance: Float) -> Float {
        threshold - grievance
    }

    /// The effective threshold θ = θ0 − G + R · P · severity · cost.
    @inlinable
    public static func threshold(
        privateThreshold: Float, riskAversion: Float, detection: Float, severity: Float, cost: Float
    ) -> Float {
        privateThreshold + riskAversion * detection * severity * cost
    }

    /// The share of active ties that dissented: `dissenting / active`, and 0 with no active ties.
    @inlinable
    public static func dissentingShare(dissenting: Int, active: Int) -> Float {
        active == 0 ? 0 : Float(dissenting) / Float(active)
    }

    /// Whether a citizen facing `share` of dissenting ties expresses dissent given `threshold`.
    @inlinable
    public static func expresses(share: Float, threshold: Float) -> Bool {
        share >= threshold
    }
}
