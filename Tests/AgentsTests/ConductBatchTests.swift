import Agents
import Testing

@Suite("Conduct batch")
struct ConductBatchTests {
    /// The most groups a citizen's 32 bits of acts hold.
    static let maxGroups = 8

    /// Utilities at and around the exponential's clamps (its argument is −u, clamped to [−87, 88]),
    /// far past them, infinite and NaN.
    static let edgeUtilities: [Float] = [
        -.infinity, -1e30, -88.5, -88, -87.5, -87, -86.5, 0, 86.5, 87, 87.5, 88, 88.5, 1e30, .infinity, .nan,
    ]

    /// The acts of `count` citizens chosen at `level` from inputs drawn from `seed`: utilities
    /// from about −150 to 150 (past the exponential's clamps at −87 and 88), `groupCount` groups,
    /// columns `count` + 3 apart. With `extreme`, each behaviour instead has either a base utility
    /// from ``edgeUtilities`` and no other terms (exact in lane 2, whose counts are 0) or trait
    /// weights a hundred times as large. Each draw sits right at its act's probability, as
    /// computed one citizen at a time: alternately the largest draw that does the act (lanes 0
    /// and 2) and the smallest that does not (lanes 1 and 3), so a probability one ulp off flips
    /// acts. Returns also the acts those positions make.
    static func acts(
        count: Int, groupCount: Int, level: VectorLevel, seed: UInt64, extreme: Bool = false
    ) -> (done: [UInt32], expected: [UInt32]) {
        var stream = RandomStream(seed: seed, entity: UInt32(count), tick: UInt32(groupCount), purpose: .conduct)
        func uniform(_ range: ClosedRange<Float>) -> Float {
            range.lowerBound + Float(stream.nextUniform()) * (range.upperBound - range.lowerBound)
        }
        var groups = [ConductRule.Group](repeating: ConductRule.Group(), count: groupCount)
        for group in groups.indices {
            for lane in 0..<4 {
                if extreme && stream.nextUniform() < 0.5 {
                    let edge = Self.edgeUtilities[Int(stream.nextUInt32() % UInt32(Self.edgeUtilities.count))]
                    groups[group].set(
                        lane: lane, baseUtility: edge, traitWeights: Array(repeating: 0, count: ConductRule.traitCount),
                        incentive: 0)
                } else {
                    let scale: Float = extreme ? 100 : 1
                    groups[group].set(
                        lane: lane, baseUtility: uniform(-8...8),
                        traitWeights: (0..<ConductRule.traitCount).map { _ in scale * uniform(-30...30) },
                        incentive: uniform(-20...20))
                }
            }
        }
        let stride = count + 3
        // Columns of `count`: the six traits, then social weights, then ambition × stake.
        let columns =
            (0..<ConductRule.traitCount * count).map { _ in uniform(-1...1) }
            + (0..<count).map { _ in uniform(0...0.5) } + (0..<count).map { _ in uniform(0...1) }
        let counts = (0..<groupCount * stride).map { _ in SIMD4<Float>(uniform(0...30), uniform(0...30), 0, 5) }
        var draws = [SIMD4<UInt32>](repeating: .zero, count: groupCount * stride)
        var expected = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            var traits = SIMD8<Float>()
            for k in 0..<ConductRule.traitCount { traits[k] = columns[k * count + i] }
            for group in 0..<groupCount {
                let at = group * stride + i
                let probabilities = ConductRule.probabilities(
                    groups[group], traits: traits, shares: counts[at], socialWeight: columns[6 * count + i],
                    ambitionStake: columns[7 * count + i])
                for lane in 0..<4 {
                    let edge = (Double(probabilities[lane]) * 0x1p32).rounded(.up)
                    if lane % 2 == 0 && edge >= 1 {
                        draws[at][lane] = UInt32(edge - 1)
                        expected[i] |= 1 << UInt32(4 * group + lane)
                    } else if lane % 2 == 1 && edge <= Double(UInt32.max) {
                        draws[at][lane] = UInt32(edge)
                    } else {
                        draws[at][lane] = stream.nextUInt32()
                        if Double(draws[at][lane]) < edge { expected[i] |= 1 << UInt32(4 * group + lane) }
                    }
                }
            }
        }
        var done = [UInt32](repeating: .max, count: count)
        columns.withUnsafeBufferPointer { columnBuffer in
            counts.withUnsafeBufferPointer { countBuffer in
                draws.withUnsafeBufferPointer { drawBuffer in
                    groups.withUnsafeBufferPointer { groupBuffer in
                        let column = { (k: Int) in columnBuffer.baseAddress! + k * count }
                        let inputs = ConductBatch.Inputs(
                            traits: (column(0), column(1), column(2), column(3), column(4), column(5)),
                            socialWeight: column(6), ambitionStake: column(7), counts: countBuffer.baseAddress!,
                            draws: drawBuffer.baseAddress!, stride: stride)
                        ConductBatch.acts(
                            count: count, groups: groupBuffer.baseAddress!, groupCount: groupCount, inputs: inputs,
                            level: level, into: &done)
                    }
                }
            }
        }
        return (done, expected)
    }

    @Test(
        "every vector level chooses exactly the acts of the probabilities computed one citizen at a time",
        arguments: VectorLevel.allCases.filter { $0 <= .best }, [false, true])
    func levelsAgree(level: VectorLevel, extreme: Bool) {
        for count in [0, 1, 2, 3, 4, 5, 7, 8, 13, 1_024] {
            for groupCount in 1...Self.maxGroups {
                let (done, expected) = Self.acts(
                    count: count, groupCount: groupCount, level: level, seed: 5, extreme: extreme)
                let differing = zip(done, expected).filter { $0 != $1 }.count
                #expect(differing == 0, "\(count) citizens, \(groupCount) groups")
            }
        }
    }

    @Test(
        "every vector level chooses the acts of the portable level, bit for bit, for any count and groups",
        arguments: VectorLevel.allCases.filter { $0 > .scalar && $0 <= .best }, [false, true])
    func levelsMatchPortable(level: VectorLevel, extreme: Bool) {
        for count in Array(0...17) + [31, 32, 33, 255, 1_023, 1_025] {
            for groupCount in 1...Self.maxGroups {
                for seed: UInt64 in [11, 12] {
                    let (done, _) = Self.acts(
                        count: count, groupCount: groupCount, level: level, seed: seed, extreme: extreme)
                    let (portable, _) = Self.acts(
                        count: count, groupCount: groupCount, level: .scalar, seed: seed, extreme: extreme)
                    let differing = zip(done, portable).filter { $0 != $1 }.count
                    #expect(differing == 0, "\(count) citizens, \(groupCount) groups")
                }
            }
        }
    }

    @Test(
        "every citizen's word is overwritten, with no bit beyond the groups given",
        arguments: VectorLevel.allCases.filter { $0 <= .best })
    func actsStayInTheirGroups(level: VectorLevel) {
        for count in [1, 2, 3, 1_021] {
            for groupCount in 1..<Self.maxGroups {
                let (done, _) = Self.acts(count: count, groupCount: groupCount, level: level, seed: 9)
                #expect(done.allSatisfy { $0 < 1 << (4 * groupCount) }, "\(count) citizens, \(groupCount) groups")
            }
        }
    }
}
