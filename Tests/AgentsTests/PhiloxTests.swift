import Agents
import CGSL
import Testing

@Suite("Philox4x32-10")
struct PhiloxTests {
    /// Random123's tests/kat_vectors, the three `philox4x32 10` lines: counter, key, expected.
    @Test(
        "matches the Random123 known-answer vectors",
        arguments: [
            (
                Philox4x32.Counter(0, 0, 0, 0), Philox4x32.Key(0, 0),
                Philox4x32.Counter(0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8)
            ),
            (
                Philox4x32.Counter(0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff),
                Philox4x32.Key(0xffff_ffff, 0xffff_ffff),
                Philox4x32.Counter(0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd)
            ),
            (
                Philox4x32.Counter(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344),
                Philox4x32.Key(0xa409_3822, 0x299f_31d0),
                Philox4x32.Counter(0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1)
            ),
        ])
    func knownAnswers(counter: Philox4x32.Counter, key: Philox4x32.Key, expected: Philox4x32.Counter) {
        #expect(Philox4x32.block(counter, key: key) == expected)
    }

    @Test("a stream is its Philox blocks in counter order")
    func streamWalksBlocks() {
        var stream = RandomStream(seed: 0x299f_31d0_a409_3822, entity: 7, tick: 3, purpose: .threshold)
        let key = Philox4x32.Key(0xa409_3822, 0x299f_31d0)
        let first = Philox4x32.block(.init(7, 3, RandomPurpose.threshold.rawValue, 0), key: key)
        let second = Philox4x32.block(.init(7, 3, RandomPurpose.threshold.rawValue, 1), key: key)
        let drawn = (0..<8).map { _ in stream.nextUInt32() }
        #expect(drawn == [first[0], first[1], first[2], first[3], second[0], second[1], second[2], second[3]])
    }

    @Test(
        "batched blocks equal one-at-a-time blocks at every instruction-set level",
        arguments: VectorLevel.allCases.filter { $0 <= .best })
    func batchMatchesScalar(level: VectorLevel) {
        let key = Philox4x32.Key(0xa409_3822, 0x299f_31d0)
        // Counts around the 8- and 16-lane widths, and a run whose first word wraps past 2³² − 1.
        for (first, count) in [(0, 0), (5, 1), (9, 15), (1_000, 16), (77, 17), (3, 40), (UInt32.max - 20, 50)] {
            let blocks = UnsafeMutablePointer<Philox4x32.Counter>.allocate(capacity: max(count, 1))
            defer { blocks.deallocate() }
            PhiloxBatch.fill(
                blocks, count: count, first: UInt32(first), word1: 11, word2: 35, word3: 2, key: key, level: level)
            let expected = (0..<count).map {
                Philox4x32.block(.init(UInt32(first) &+ UInt32($0), 11, 35, 2), key: key)
            }
            #expect(
                Array(UnsafeBufferPointer(start: blocks, count: count)) == expected, "first \(first), count \(count)")
        }
    }

    @Test("a stream started from its precomputed first block draws what a fresh stream draws")
    func streamFromFirstBlock() {
        let key = Philox4x32.key(seed: 99)
        var fresh = RandomStream(seed: 99, entity: 12, tick: 4, purpose: .peerRating)
        var started = RandomStream(
            key: key, entity: 12, tick: 4, purpose: .peerRating,
            firstBlock: Philox4x32.block(.init(12, 4, RandomPurpose.peerRating.rawValue, 0), key: key))
        #expect((0..<9).map { _ in fresh.nextUInt32() } == (0..<9).map { _ in started.nextUInt32() })
    }

    @Test("streams differing in any coordinate differ")
    func coordinatesSeparateStreams() {
        func firstDraws(_ stream: RandomStream) -> [UInt32] {
            var copy = stream
            return (0..<4).map { _ in copy.nextUInt32() }
        }
        let base = firstDraws(RandomStream(seed: 1, entity: 2, tick: 3, purpose: .hardship))
        #expect(base != firstDraws(RandomStream(seed: 2, entity: 2, tick: 3, purpose: .hardship)))
        #expect(base != firstDraws(RandomStream(seed: 1 << 32 | 1, entity: 2, tick: 3, purpose: .hardship)))
        #expect(base != firstDraws(RandomStream(seed: 1, entity: 3, tick: 3, purpose: .hardship)))
        #expect(base != firstDraws(RandomStream(seed: 1, entity: 2, tick: 4, purpose: .hardship)))
        #expect(base != firstDraws(RandomStream(seed: 1, entity: 2, tick: 3, purpose: .threshold)))
    }

    @Test("uniform draws lie in (0, 1) with mean near 1/2")
    func uniformRange() {
        var stream = RandomStream(seed: 42, entity: 0, tick: 0, purpose: .hardship)
        let draws = (0..<100_000).map { _ in stream.nextUniform() }
        #expect(draws.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(abs(draws.reduce(0, +) / Double(draws.count) - 0.5) < 0.005)
    }
}

@Suite("GSL generator backed by Philox")
struct PhiloxGSLGeneratorTests {
    @Test("gsl_rng_get returns the stream's words")
    func getReturnsStreamWords() {
        let generator = PhiloxGSLGenerator()
        generator.reset(seed: 9, entity: 11, tick: 5, purpose: .detentionLength)
        var stream = RandomStream(seed: 9, entity: 11, tick: 5, purpose: .detentionLength)
        for _ in 0..<10 {
            #expect(UInt32(gsl_rng_get(generator.rng)) == stream.nextUInt32())
        }
        #expect(String(cString: gsl_rng_name(generator.rng)) == "philox4x32-10")
    }

    @Test("a sampler's draw depends only on the stream, not on earlier draws")
    func resetMakesDrawsIndependentOfHistory() {
        let first = PhiloxGSLGenerator()
        let second = PhiloxGSLGenerator()
        for _ in 0..<17 { _ = gsl_rng_uniform(second.rng) }
        first.reset(seed: 3, entity: 100, tick: 0, purpose: .hardship)
        second.reset(seed: 3, entity: 100, tick: 0, purpose: .hardship)
        let distribution = Distribution.beta(alpha: 2, beta: 5)
        #expect(distribution.sample(first) == distribution.sample(second))
    }

    @Test(
        "samplers reproduce their distribution's mean",
        arguments: [
            (Distribution.uniform(min: 2, max: 4), 3.0),
            (.beta(alpha: 2, beta: 5), 2.0 / 7.0),
            (.normal(mean: -1, sd: 2), -1.0),
            (.gamma(shape: 2, scale: 3), 6.0),
            (.lognormal(mu: 0, sigma: 0.5), 1.1331484530668263),
            (.discrete(values: [1, 2, 3], weights: [1, 1, 2]), 2.25),
            (.constant(value: 0.7), 0.7),
        ])
    func samplerMeans(distribution: Distribution, mean: Double) {
        let generator = PhiloxGSLGenerator()
        let n = 50_000
        var total = 0.0
        for entity in 0..<n {
            generator.reset(seed: 77, entity: UInt32(entity), tick: 0, purpose: .hardship)
            total += distribution.sample(generator)
        }
        #expect(abs(total / Double(n) - mean) < 0.03 * max(1, abs(mean)))
        #expect(abs(distribution.mean - mean) < 1e-12, "the analytic mean the dissent rule weighs")
    }

    @Test("Poisson counts have the mean and variance asked for; 0 for mean 0, the floor above the limit")
    func poisson() {
        for mean in [0.3, 4.0, 37.5] {
            let n = 40_000
            var total = 0.0
            var squares = 0.0
            for entity in 0..<n {
                var stream = RandomStream(seed: 5, entity: UInt32(entity), tick: 1, purpose: .watchersInView)
                let count = Double(stream.nextPoisson(mean: mean))
                total += count
                squares += count * count
            }
            let sampleMean = total / Double(n)
            let variance = squares / Double(n) - sampleMean * sampleMean
            #expect(abs(sampleMean - mean) < 4 * (mean / Double(n)).squareRoot(), "mean \(mean)")
            #expect(abs(variance / mean - 1) < 0.05, "variance at mean \(mean)")
        }
        var stream = RandomStream(seed: 5, entity: 0, tick: 1, purpose: .watchersInView)
        #expect(stream.nextPoisson(mean: 0) == 0)
        #expect(stream.nextPoisson(mean: RandomStream.poissonMeanLimit + 0.7) == Int(RandomStream.poissonMeanLimit))
    }
}
