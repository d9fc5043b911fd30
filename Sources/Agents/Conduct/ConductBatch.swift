import CVector

/// Everyday acts (``ConductRule``) of many citizens at once: four citizens per AVX-512 vector or
/// two per AVX2 vector (``VectorKernels``), else one citizen at a time with
/// ``ConductRule/probabilities(_:traits:shares:socialWeight:ambitionStake:)``. All compute every
/// lane with the same single-precision operations in the same order (no fused multiply-add), so
/// the acts never depend on the level.
public enum ConductBatch {
    /// What the choices of a run of citizens depend on, in columns: citizen i's trait k (in
    /// ``ConductRule/traitCount`` order) is element i of column k of `traits`, its weight
    /// β · conformity / active ties `socialWeight[i]`, its ambition × stake `ambitionStake[i]`;
    /// the counts of its ties who did the behaviours of group g, and its draws for them (one
    /// Philox block), are element g · `stride` + i of `counts` and `draws`.
    public struct Inputs {
        public typealias Traits = (
            UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>,
            UnsafePointer<Float>, UnsafePointer<Float>
        )
        public var traits: Traits
        public var socialWeight: UnsafePointer<Float>
        public var ambitionStake: UnsafePointer<Float>
        public var counts: UnsafePointer<SIMD4<Float>>
        public var draws: UnsafePointer<Philox4x32.Counter>
        public var stride: Int

        public init(
            traits: Traits, socialWeight: UnsafePointer<Float>, ambitionStake: UnsafePointer<Float>,
            counts: UnsafePointer<SIMD4<Float>>, draws: UnsafePointer<Philox4x32.Counter>, stride: Int
        ) {
            self.traits = traits
            self.socialWeight = socialWeight
            self.ambitionStake = ambitionStake
            self.counts = counts
            self.draws = draws
            self.stride = stride
        }
    }

    /// Sets `done[i]` for i in 0..<`count` to the acts citizen i does: bit 4 g + l for behaviour
    /// l of group g, over the `groupCount` groups at `groups` (at most 8, so that the acts fit in
    /// 32 bits), computed at `level` (at most ``VectorLevel/best``).
    public static func acts(
        count: Int, groups: UnsafePointer<ConductRule.Group>, groupCount: Int, inputs: Inputs,
        level: VectorLevel = .best, into done: UnsafeMutablePointer<UInt32>
    ) {
        if actsVector(count: count, groups: groups, groupCount: groupCount, inputs: inputs, level: level, into: done) {
            return
        }
        let (hardship, riskAversion, threshold, conformity, ambition, logMeans) = inputs.traits
        for i in 0..<count {
            let citizenTraits = SIMD8<Float>(
                hardship[i], riskAversion[i], threshold[i], conformity[i], ambition[i], logMeans[i], 0, 0)
            var bits: UInt32 = 0
            for group in 0..<groupCount {
                let at = group * inputs.stride + i
                let probabilities = ConductRule.probabilities(
                    groups[group], traits: citizenTraits, shares: inputs.counts[at],
                    socialWeight: inputs.socialWeight[i], ambitionStake: inputs.ambitionStake[i])
                bits |= ConductRule.acts(draws: inputs.draws[at], probabilities: probabilities) << UInt32(4 * group)
            }
            done[i] = bits
        }
    }

    /// ``acts(count:groups:groupCount:inputs:level:into:)`` with the CVector kernel of `level`;
    /// false, doing nothing, when `level` has none.
    private static func actsVector(
        count: Int, groups: UnsafePointer<ConductRule.Group>, groupCount: Int, inputs: Inputs,
        level: VectorLevel, into done: UnsafeMutablePointer<UInt32>
    ) -> Bool {
        precondition(
            MemoryLayout<ConductRule.Group>.size == MemoryLayout<cvector_conduct_group>.size,
            "ConductRule.Group is laid out as cvector_conduct_group")
        var columns = cvector_conduct_inputs()
        let (hardship, riskAversion, threshold, conformity, ambition, logMeans) = inputs.traits
        columns.traits = (hardship, riskAversion, threshold, conformity, ambition, logMeans)
        columns.social_weight = inputs.socialWeight
        columns.ambition_stake = inputs.ambitionStake
        columns.counts = UnsafeRawPointer(inputs.counts).assumingMemoryBound(to: Float.self)
        columns.draws = UnsafeRawPointer(inputs.draws).assumingMemoryBound(to: UInt32.self)
        columns.stride = inputs.stride
        return VectorKernels.conductActs(
            count: count, groups: groupCount,
            constants: UnsafeRawPointer(groups).assumingMemoryBound(to: cvector_conduct_group.self),
            inputs: &columns, done: done, level: level)
    }
}
