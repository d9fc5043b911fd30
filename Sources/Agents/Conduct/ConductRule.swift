import RealModule

/// Everyday behaviour as discrete choice with social interactions (Brock and Durlauf 2001).
///
/// Citizen i does behaviour b at tick t+1 with probability σ(u_b), σ the logistic function and
///
///     u_b = logit(rate_b) + Σ_k w_bk x_ik + β c_i s_ib + g_b a_i stake_i,
///
/// where x_ik are i's traits (ln means for `means`), s_ib the share of i's active ties who did b
/// at t, and g_b = ± γ · coverage_b · |points_b| / scale: positive for a virtue (a reward),
/// negative for an infraction (a deterrent). All functions are pure.
public enum ConductRule {
    /// The constants of one behaviour's utility.
    public struct Coefficients: Sendable, BitwiseCopyable {
        /// logit(rate_b).
        public var baseUtility: Float
        /// w_bk in lanes 0...5 for hardship, risk aversion, threshold, conformity, ambition and
        /// ln means; lanes 6 and 7 are 0.
        public var traitWeights: SIMD8<Float>
        /// g_b: the signed incentive per unit of ambition × stake.
        public var incentive: Float

        public init(baseUtility: Float, traitWeights: SIMD8<Float>, incentive: Float) {
            self.baseUtility = baseUtility
            self.traitWeights = traitWeights
            self.incentive = incentive
        }
    }

    /// logit(p) = ln(p / (1 − p)) for p in (0, 1).
    @inlinable
    public static func logit(_ p: Float) -> Float {
        Float.log(p / (1 - p))
    }

    /// The signed incentive g = ± weight · coverage · |points| / scale of one behaviour.
    @inlinable
    public static func incentive(isVirtue: Bool, weight: Float, coverage: Float, points: Float, scale: Float) -> Float {
        let size = weight * coverage * abs(points) / scale
        return isVirtue ? size : -size
    }

    /// The probability σ(u) of a behaviour with `coefficients` for a citizen with `traits` (lanes
    /// as in ``Coefficients/traitWeights``), given the share of its active ties who did it, the
    /// weight β · conformity of that share, and ambition × stake.
    @inlinable @inline(__always)
    public static func probability(
        _ coefficients: Coefficients, traits: SIMD8<Float>, share: Float, socialWeight: Float, ambitionStake: Float
    ) -> Float {
        let utility =
            coefficients.baseUtility + (coefficients.traitWeights * traits).sum() + socialWeight * share
            + coefficients.incentive * ambitionStake
        return PortableMath.logistic(utility)
    }
}
