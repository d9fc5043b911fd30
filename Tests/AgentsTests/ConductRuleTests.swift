import Agents
import Testing

@Suite("Conduct rule")
struct ConductRuleTests {
    /// The rule for one behaviour written as scalar code, evaluated left to right.
    static func scalarProbability(
        baseUtility: Float, weights: [Float], incentive: Float, traits: [Float], share: Float, socialWeight: Float,
        ambitionStake: Float
    ) -> Float {
        var traitSum = weights[0] * traits[0]
        for k in 1..<ConductRule.traitCount { traitSum = traitSum + weights[k] * traits[k] }
        let utility = baseUtility + traitSum + socialWeight * share + incentive * ambitionStake
        let exponential = PortableMath.exp(SIMD4(repeating: -utility))[0]
        return 1 / (1 + exponential)
    }

    @Test("each lane of a group is bit for bit its behaviour's scalar probability")
    func lanesMatchScalarRule() {
        var generator = SystemRandomNumberGenerator()
        func random(_ range: ClosedRange<Float>) -> Float { Float.random(in: range, using: &generator) }
        for _ in 0..<2_000 {
            var group = ConductRule.Group()
            var lanes: [(base: Float, weights: [Float], incentive: Float)] = []
            for lane in 0..<4 {
                let base = ConductRule.logit(random(0.001...0.999))
                let weights = (0..<ConductRule.traitCount).map { _ in random(-3...3) }
                let incentive = random(-2...2)
                group.set(lane: lane, baseUtility: base, traitWeights: weights, incentive: incentive)
                lanes.append((base, weights, incentive))
            }
            let traits = (0..<ConductRule.traitCount).map { _ in random(-2...1) }
            var traitVector = SIMD8<Float>()
            for k in traits.indices { traitVector[k] = traits[k] }
            let shares = SIMD4<Float>(random(0...20), random(0...20), random(0...20), random(0...20))
            let socialWeight = random(0...0.5)
            let ambitionStake = random(0...1)
            let probabilities = ConductRule.probabilities(
                group, traits: traitVector, shares: shares, socialWeight: socialWeight, ambitionStake: ambitionStake)
            for lane in 0..<4 {
                let expected = Self.scalarProbability(
                    baseUtility: lanes[lane].base, weights: lanes[lane].weights, incentive: lanes[lane].incentive,
                    traits: traits, share: shares[lane], socialWeight: socialWeight, ambitionStake: ambitionStake)
                #expect(probabilities[lane].bitPattern == expected.bitPattern)
            }
        }
    }

    @Test("an act is done exactly when its draw falls below probability · 2^32")
    func actsCompareDrawsExactly() {
        let p: Float = 0.25
        let boundary = UInt32(0x1p30)
        let draws = SIMD4<UInt32>(boundary - 1, boundary, 0, .max)
        #expect(ConductRule.acts(draws: draws, probabilities: SIMD4(p, p, 0, 1)) == 0b0001 | 0b1000)
        let tiny = Float(0x1p-32) * 1.5
        #expect(ConductRule.acts(draws: SIMD4(0, 1, 2, 3), probabilities: SIMD4(repeating: tiny)) == 0b0011)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let draws = SIMD4<UInt32>(
                .random(in: 0...UInt32.max, using: &generator), .random(in: 0...UInt32.max, using: &generator),
                .random(in: 0...UInt32.max, using: &generator), .random(in: 0...UInt32.max, using: &generator))
            let probabilities = SIMD4<Float>(
                .random(in: 0...1, using: &generator), .random(in: 0...1, using: &generator),
                .random(in: 0...1, using: &generator), .random(in: 0...1, using: &generator))
            var expected: UInt32 = 0
            for lane in 0..<4 where Double(draws[lane]) < Double(probabilities[lane]) * 0x1p32 {
                expected |= 1 << UInt32(lane)
            }
            #expect(ConductRule.acts(draws: draws, probabilities: probabilities) == expected)
        }
    }
}
