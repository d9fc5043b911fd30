import RealModule

/// The public-dissent rule: Granovetter's threshold model with Kuran's preference falsification
/// and Epstein's deterrence.
///
/// Citizen i expresses dissent at tick t+1 iff f_i(t) ≥ θ_i(t), where f_i is the share of i's
/// active ties that expressed dissent at t and
///
///     θ_i = θ0_i − G_i + R_i · P_i · stake_i · severity,   G_i = H_i (1 − L),
///     P_i = 1 − exp(−k · coverage / (1 + A_i)),
///
/// with A_i the number of i's ties that expressed dissent at t (safety in numbers). With G = 0
/// and coverage 0 this is exactly the synchronous threshold model. All functions are pure.
public enum DissentRule {
    /// Grievance G = H (1 − L), in [0, 1] for H, L in [0, 1].
    @inlinable
    public static func grievance(hardship: Float, legitimacy: Float) -> Float {
        hardship * (1 - legitimacy)
    }

    /// Probability P that a dissenter with `dissentingTies` dissenting ties is recorded, under
    /// `coverage` in [0, 1] and deterrence constant `k` ≥ 0.
    @inlinable
    public static func detectionProbability(coverage: Float, k: Float, dissentingTies: Int) -> Float {
        1 - Float.exp(-k * coverage / Float(1 + dissentingTies))
    }

    /// The threshold θ0 − G before deterrence: what the citizen privately requires.
    @inlinable
    public static func privateThreshold(threshold: Float, grievance: Float) -> Float {
        threshold - grievance
    }

    /// The effective threshold θ = θ0 − G + R · P · stake · severity.
    @inlinable
    public static func threshold(
        privateThreshold: Float, riskAversion: Float, detection: Float, stake: Float, severity: Float
    ) -> Float {
        privateThreshold + riskAversion * detection * stake * severity
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
