/// Everyday behaviour as discrete choice with social interactions (Brock and Durlauf 2001).
///
/// Citizen i does behaviour b at tick t+1 with probability σ(u_b), σ the logistic function and
///
///     u_b = logit(rate_b) + Σ_k w_bk x_ik + β c_i s_ib + g_b a_i stake_i,
///
/// where x_ik are i's traits (ln means for `means`), s_ib the share of i's active ties who did b
/// at t, and g_b = ± γ · coverage_b · |points_b| / scale: positive for a virtue (a reward),
/// negative for an infraction (a deterrent). Behaviours are evaluated four at a time, one per lane;
/// each lane is computed exactly as a scalar evaluation left to right would be. All functions are
/// pure.
public enum ConductRule {
    /// The traits x_ik, in this order: hardship, risk aversion, threshold, conformity, ambition,
    /// ln means.
    public static let traitCount = 6

    /// The constants of the utilities of four behaviours, one per lane (unused lanes are 0).
    public struct Group: Sendable, BitwiseCopyable {
        /// logit(rate_b).
        public var baseUtility: SIMD4<Float>
        /// w_bk: element k holds the weights of trait k (in ``traitCount`` order) for the four
        /// behaviours.
        public var traitWeights: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>)
        /// g_b: the signed incentive per unit of ambition × stake.
        public var incentive: SIMD4<Float>

        /// A group of unused lanes.
        public init() {
            baseUtility = .zero
            traitWeights = (.zero, .zero, .zero, .zero, .zero, .zero)
            incentive = .zero
        }

        /// Sets lane `lane` to one behaviour's logit(rate), trait weights (``traitCount`` of them)
        /// and incentive.
        public mutating func set(lane: Int, baseUtility: Float, traitWeights weights: [Float], incentive: Float) {
            precondition(weights.count == ConductRule.traitCount, "one weight per trait")
            self.baseUtility[lane] = baseUtility
            traitWeights.0[lane] = weights[0]
            traitWeights.1[lane] = weights[1]
            traitWeights.2[lane] = weights[2]
            traitWeights.3[lane] = weights[3]
            traitWeights.4[lane] = weights[4]
            traitWeights.5[lane] = weights[5]
            self.incentive[lane] = incentive
        }
    }

    /// logit(p) = ln(p / (1 − p)) for p in (0, 1).
    @inlinable
    public static func logit(_ p: Float) -> Float {
        PortableMath.log(p / (1 - p))
    }

    /// The signed incentive g = ± weight · coverage · |points| / scale of one behaviour.
    @inlinable
    public static func incentive(isVirtue: Bool, weight: Float, coverage: Float, points: Float, scale: Float) -> Float {
        let size = weight * coverage * abs(points) / scale
        return isVirtue ? size : -size
    }

    /// The probabilities σ(u_b) of the four behaviours of `group` for a citizen with `traits` (lanes
    /// 0..<``traitCount``), given the shares of its active ties who did each, the weight
    /// β · conformity of those shares, and ambition × stake.
    @inlinable @inline(__always)
    public static func probabilities(
        _ group: Group, traits: SIMD8<Float>, shares: SIMD4<Float>, socialWeight: Float, ambitionStake: Float
    ) -> SIMD4<Float> {
        let weights = group.traitWeights
        var traitSum = weights.0 * traits[0]
        traitSum = traitSum + weights.1 * traits[1]
        traitSum = traitSum + weights.2 * traits[2]
        traitSum = traitSum + weights.3 * traits[3]
        traitSum = traitSum + weights.4 * traits[4]
        traitSum = traitSum + weights.5 * traits[5]
        let utility = group.baseUtility + traitSum + socialWeight * shares + group.incentive * ambitionStake
        return PortableMath.logistic(utility)
    }

    /// The acts done among four behaviours: bit l is set when draw l, uniform on 0..<2³², falls
    /// below probability l · 2³², so each act happens with its probability exactly (both sides are
    /// exact in Double).
    @inlinable @inline(__always)
    public static func acts(draws: SIMD4<UInt32>, probabilities: SIMD4<Float>) -> UInt32 {
        let done = SIMD4<Double>(draws) .< SIMD4<Double>(probabilities) * 0x1p32
        let bits = SIMD4<Int64>.zero.replacing(with: SIMD4(1, 2, 4, 8), where: done)
        return UInt32(truncatingIfNeeded: bits.wrappedSum())
    }
}
