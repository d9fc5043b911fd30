import RealModule

/// Everyday behaviour as discrete choice with social interactions (Brock and Durlauf 2001),
/// with the constants of up to 16 behaviours held in SIMD lanes.
///
/// Citizen i does behaviour b at tick t+1 with probability σ(u_b), σ the logistic function and
///
///     u_b = logit(rate_b) + Σ_k w_bk x_ik + β c_i s_ib + g_b a_i stake_i,
///
/// where x_ik are i's traits (ln means for `means`), s_ib the share of i's active ties who did b
/// at t, and g_b = ± γ · coverage_b · |points_b| / scale: positive for a virtue (a reward),
/// negative for an infraction (a deterrent). All functions are pure.
public enum ConductRule {
    /// Per-behaviour constants of the utility, one lane per behaviour.
    public struct Table: Sendable {
        /// logit(rate_b).
        public var baseUtility: SIMD16<Float>
        /// w_bk for the six traits, in the order hardship, risk aversion, threshold, conformity,
        /// ambition, ln means.
        public var traitWeights:
            (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>)
        /// g_b: the signed incentive per unit of ambition × stake.
        public var incentive: SIMD16<Float>

        public init(
            baseUtility: SIMD16<Float>,
            traitWeights: (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>),
            incentive: SIMD16<Float>
        ) {
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

    /// The probability σ(u_b) of behaviour `b`, given the citizen's `traits` (hardship, risk
    /// aversion, threshold, conformity, ambition, ln means), the share of its active ties who did
    /// it, social influence β, and ambition × stake.
    @inlinable @inline(__always)
    public static func probability(
        _ table: Table, behaviour b: Int, traits: (Float, Float, Float, Float, Float, Float), share: Float,
        socialInfluence: Float, ambitionStake: Float
    ) -> Float {
        var utility = table.baseUtility[b]
        utility += table.traitWeights.0[b] * traits.0
        utility += table.traitWeights.1[b] * traits.1
        utility += table.traitWeights.2[b] * traits.2
        utility += table.traitWeights.3[b] * traits.3
        utility += table.traitWeights.4[b] * traits.4
        utility += table.traitWeights.5[b] * traits.5
        utility += socialInfluence * traits.3 * share
        utility += table.incentive[b] * ambitionStake
        return PortableMath.logistic(utility)
    }
}
