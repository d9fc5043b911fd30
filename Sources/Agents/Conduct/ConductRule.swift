import RealModule

/// Everyday behaviour as discrete choice with social interactions (Brock and Durlauf 2001).
///
/// Citizen i does behaviour b at tick t+1 with probability σ(u), σ the logistic function and
///
///     u = logit(rate_b) + Σ_k w_bk x_ik + β c_i s_ib ± γ a_i stake_i d_b |points_b| / scale,
///
/// where x_ik are i's traits (ln means for `means`), s_ib the share of i's active ties who did b
/// at t, d_b the coverage of b's channel, and the last term added for virtues (reward) and
/// subtracted for infractions (deterrence). All functions are pure.
public enum ConductRule {
    /// logit(p) = ln(p / (1 − p)) for p in (0, 1).
    @inlinable
    public static func logit(_ p: Float) -> Float {
        Float.log(p / (1 - p))
    }

    /// The incentive term γ · a · stake · d · |points| / scale, with the sign of the act's kind:
    /// positive for a virtue (a reward), negative for an infraction (a deterrent).
    @inlinable
    public static func incentive(
        isVirtue: Bool, weight: Float, ambition: Float, stake: Float, detection: Float, pointsMagnitude: Float
    ) -> Float {
        let size = weight * ambition * stake * detection * pointsMagnitude
        return isVirtue ? size : -size
    }

    /// The probability σ(u) = 1 / (1 + e^−u).
    @inlinable
    public static func probability(utility: Float) -> Float {
        1 / (1 + Float.exp(-utility))
    }
}
