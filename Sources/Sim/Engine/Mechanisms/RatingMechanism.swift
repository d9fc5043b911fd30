import Agents
import CVector

/// Real-time peer rating, "Nosedive" style: the ratings each present citizen receives from its
/// ties, and the move of its scores toward their weighted mean (docs/MODEL.md, "Peer rating").
///
/// Ratings are drawn on the receiving side, for a whole block of citizens in one pass before any
/// citizen's step (``VectorKernels/receiveRatings(count:rules:inputs:weightSums:weightedRatings:totals:level:)``,
/// 16 or 8 citizens per vector, or one at a time here), from the ties' words of tick t.
struct RatingMechanism {
    /// The ratings' constants for one run.
    struct Constants: MechanismConstants {
        let enabled: Bool
        /// The rating rule as the vector kernels read it: ⌊ratings_per_tick⌋ and the chance of one
        /// rating more, the rater's stake while listed, and the strategic terms.
        let rules: cvector_rating_rules
        /// Share of the gap to the mean rating received that a score closes per tick.
        let responsiveness: Float
        /// Grid steps of the score range (ratings map 1...5 stars onto it).
        let stepCount: Int32
        /// One bit per virtue among the behaviours (the honest rating counts virtues and infractions).
        let virtueMask: UInt32

        /// Raters read their ties' words again (scores, lists) and stigma lowers ratings.
        var needs: TickNeeds { enabled ? [.tieSums, .stigma] : [] }

        init(scenario: Scenario) {
            let rating = scenario.regime.peerRating
            enabled = rating.enabled
            let whole = rating.ratingsPerTick.rounded(.down)
            rules = cvector_rating_rules(
                whole: Int32(clamping: Int(whole)), extra_chance: rating.ratingsPerTick - whole,
                listed_stake: Float(scenario.regime.score.listedStake), inflation: Float(rating.inflation),
                fake_nice: Float(rating.fakeNice), stigma: Float(rating.stigma), rater_weight: Float(rating.raterWeight)
            )
            responsiveness = Float(rating.responsiveness)
            stepCount = Int32(scenario.regime.score.stepCount)
            virtueMask = ConductMechanism.Constants.mask(scenario.behaviours) { $0.kind == .virtue }
        }
    }

    /// Per-worker space for a block's ratings received.
    final class Scratch: @unchecked Sendable {
        /// The honest rating, Σ weight and Σ weight · rating of citizen i at i, blockSize + i and
        /// 2 · blockSize + i.
        let values: PerWorker<Float>

        init(workers: Int) {
            values = PerWorker(workers: workers, regionSize: 3 * KernelScratch.blockSize, repeating: 0)
        }

        var byteCount: Int { values.byteCount }
    }

    let constants: Constants
    let tick: UInt32
    let offsets: UnsafePointer<Int>
    let current: UnsafePointer<UInt32>
    let detentionLeft: UnsafePointer<UInt16>
    let scratch: Scratch

    init(_ constants: Constants, tick: TickInputs, graph: SocialGraph, state: SocietyState, scratch: Scratch) {
        self.constants = constants
        self.tick = tick.next
        offsets = UnsafePointer(graph.offsets.base)
        current = UnsafePointer(state.current.base)
        detentionLeft = UnsafePointer(state.detentionLeft.base)
        self.scratch = scratch
    }

    /// The ratings every present citizen of `block` receives from its ties, whose words of tick t
    /// are `tieWords[slot]`: Σ weight and Σ weight · rating into `scratch` of `worker` (0 for a
    /// citizen who receives none), their counts into `tally`. Kept out of line, as every pass over
    /// a block (see ``ConductMechanism/choose(_:worker:neighbourhoods:counts:draws:score:sanctions:perks:level:)``).
    @inline(never)
    func receive(
        _ block: Range<Int>, worker: Int, tieWords: UnsafePointer<UInt32>, draws: BlockDraws, level: VectorLevel,
        tally: inout ChunkTally
    ) {
        let size = KernelScratch.blockSize
        let values = scratch.values[worker]
        var rules = constants.rules
        if VectorKernels.hasRatingsKernel(for: rules, level: level) {
            for citizen in block {
                values[citizen - block.lowerBound] = honestRating(ownWord: current[citizen])
            }
            let first = block.lowerBound
            var inputs = cvector_rating_inputs(
                offsets: UnsafeRawPointer(offsets + first).assumingMemoryBound(to: Int64.self),
                tie_words: tieWords + offsets[first], own_words: current + first, detained: detentionLeft + first,
                honest: values,
                draws: UnsafeRawPointer(draws.blocks(slot: draws.layout.peerRating.unsafelyUnwrapped))
                    .assumingMemoryBound(to: UInt32.self))
            var totals: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &totals) { raw in
                VectorKernels.receiveRatings(
                    count: block.count, rules: &rules, inputs: &inputs, weightSums: values + size,
                    weightedRatings: values + 2 * size, totals: raw.baseAddress!.assumingMemoryBound(to: UInt64.self),
                    level: level)
            }
            tally[.ratings] += Int(totals.0)
            tally[.ratingSum] += Int(totals.1)
            tally[.fiveStarRatings] += Int(totals.2)
            return
        }
        for citizen in block {
            let index = citizen - block.lowerBound
            let (weightSum, weighted) = receive(
                citizen, tieWords: tieWords, draws: draws, drawIndex: index, tally: &tally)
            values[size + index] = weightSum
            values[2 * size + index] = weighted
        }
    }

    /// Worker `worker`'s ratings received by its block, for ``apply(_:received:index:)``.
    @inline(__always)
    func received(worker: Int) -> UnsafePointer<Float> {
        UnsafePointer(scratch.values[worker])
    }

    /// Moves both scores `rating_responsiveness` of the way toward the weighted mean rating the
    /// citizen at `index` of the block received (`received`, from ``received(worker:)``), on the
    /// score scale.
    @inline(__always)
    func apply(_ now: inout CitizenTick, received values: UnsafePointer<Float>, index: Int) {
        let weightSum = values[KernelScratch.blockSize + index]
        guard weightSum > 0 else { return }
        let weighted = values[2 * KernelScratch.blockSize + index]
        let target = Float(constants.stepCount) * (weighted / weightSum - 1) / 4
        now.steps += PortableMath.nearestInteger(constants.responsiveness * (target - Float(now.steps)))
        now.trueSteps += PortableMath.nearestInteger(constants.responsiveness * (target - Float(now.trueSteps)))
    }

    /// The honest rating of a citizen whose tick-t signal word is `ownWord`.
    @inline(__always)
    private func honestRating(ownWord: UInt32) -> Float {
        let behaviours = (ownWord >> SignalWord.behaviourShift) & SignalWord.behaviourBits
        return PeerRatingRule.honest(
            virtues: (behaviours & constants.virtueMask).nonzeroBitCount,
            infractions: (behaviours & ~constants.virtueMask).nonzeroBitCount)
    }

    /// The ratings `citizen` receives, one at a time: Σ weight and Σ weight · rating (0 and 0 when
    /// detained or without ties).
    @inline(__always)
    private func receive(
        _ citizen: Int, tieWords: UnsafePointer<UInt32>, draws: BlockDraws, drawIndex: Int, tally: inout ChunkTally
    ) -> (weightSum: Float, weighted: Float) {
        let start = offsets[citizen]
        let degree = offsets[citizen + 1] - start
        guard detentionLeft[citizen] == 0, degree > 0 else { return (0, 0) }
        let rules = constants.rules
        var stream = draws.stream(
            .peerRating, slot: draws.layout.peerRating, citizen: citizen, index: drawIndex, tick: tick)
        let count = Int(rules.whole) + (stream.nextUniform() < rules.extra_chance ? 1 : 0)
        let own = current[citizen]
        let honest = honestRating(ownWord: own)
        let ownFraction = Float(own >> SignalWord.scoreShift) / Float(SignalWord.scoreFractionMax)
        var weightSum: Float = 0
        var weightedRatings: Float = 0
        for _ in 0..<count {
            let rater = tieWords[start + stream.nextIndex(below: degree)]
            guard rater & SignalWord.present != 0 else { continue }
            let raterFraction = Float(rater >> SignalWord.scoreShift) / Float(SignalWord.scoreFractionMax)
            let raterStake = raterFraction * (rater & SignalWord.listed != 0 ? rules.listed_stake : 1)
            let rating = PeerRatingRule.rating(
                honest: honest, raterStake: raterStake, rateeScoreFraction: ownFraction,
                rateeStigmatized: own & SignalWord.stigmatized != 0, inflation: rules.inflation,
                fakeNice: rules.fake_nice, stigma: rules.stigma)
            let weight = PeerRatingRule.weight(raterScoreFraction: raterFraction, raterWeight: rules.rater_weight)
            weightSum += weight
            weightedRatings += weight * Float(rating)
            tally[.ratings] += 1
            tally[.ratingSum] += rating
            if rating == 5 { tally[.fiveStarRatings] += 1 }
        }
        return (weightSum, weightedRatings)
    }
}
