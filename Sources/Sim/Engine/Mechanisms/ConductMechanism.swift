import Agents
import CVector

/// Everyday behaviours as discrete choice with social interactions: which acts each citizen does
/// (docs/MODEL.md, "Everyday behaviours"). Their records are ``RecordMechanism``'s.
///
/// The choices of a whole block of citizens are made in one pass (``ConductBatch``, many
/// citizens per vector) before any citizen's step, from what the citizen saw at t, its traits,
/// its log effective means (``LogMeansCache``) and its stake; the step then drops the acts the
/// citizen cannot do (online acts under an internet throttle, contact with the listed without a
/// listed tie) and counts the rest.
struct ConductMechanism {
    /// The behaviours' constants for one run.
    struct Constants: MechanismConstants {
        let behaviourCount: Int
        /// The utilities, four behaviours per group (kept by the run's ``ConstantTables``).
        let groups: UnsafePointer<ConductRule.Group>
        let groupCount: Int
        /// One bit per behaviour; of virtues; on the online channel; possible only with a listed tie.
        let behaviourMask: UInt32
        let virtueMask: UInt32
        let onlineMask: UInt32
        let listedTieMask: UInt32
        /// One bit per list whose internet throttle makes online acts impossible.
        let throttleMask: UInt8
        /// β: the weight of conformity × the share of ties who did the act.
        let socialInfluence: Float
        /// Whether a perk goes to the top share of scores: ambition is then weighted by the share
        /// of ties who outrank the citizen.
        let positionalAmbition: Bool

        /// The choice reads ties' acts and lists and, under rank perks, who outranks whom.
        var needs: TickNeeds { behaviourCount > 0 || positionalAmbition ? .tieSums : [] }

        init(scenario: Scenario, tables: ConstantTables) {
            let behaviours = scenario.behaviours
            let regime = scenario.regime
            behaviourCount = behaviours.count
            var groups = [ConductRule.Group](repeating: ConductRule.Group(), count: (behaviours.count + 3) / 4)
            let traits: [Trait] = [.hardship, .riskAversion, .threshold, .conformity, .ambition, .means]
            for (index, behaviour) in behaviours.enumerated() {
                let coverage = regime.surveillance[behaviour.channel].effectiveCoverage
                groups[index / 4].set(
                    lane: index % 4, baseUtility: ConductRule.logit(Float(behaviour.rate)),
                    traitWeights: traits.map { Float(behaviour.drivers[$0] ?? 0) },
                    incentive: ConductRule.incentive(
                        isVirtue: behaviour.kind == .virtue, weight: Float(scenario.conduct.incentive),
                        coverage: Float(coverage), points: Float(behaviour.points),
                        scale: Float(scenario.conduct.pointsScale)))
            }
            self.groups = UnsafePointer(tables.keep(groups))
            groupCount = groups.count
            behaviourMask = behaviours.isEmpty ? 0 : UInt32.max >> (32 - UInt32(behaviours.count))
            virtueMask = Self.mask(behaviours) { $0.kind == .virtue }
            onlineMask = Self.mask(behaviours) { $0.channel == .online }
            listedTieMask = Self.mask(behaviours) { $0.condition == .listedTie }
            throttleMask = SanctionMechanism.Constants.mask(regime.sanctions, [.internetThrottle])
            socialInfluence = Float(scenario.conduct.socialInfluence)
            positionalAmbition = regime.perks.contains { if case .topShare = $0.trigger { true } else { false } }
        }

        /// One bit per behaviour of `behaviours` that satisfies `include`.
        static func mask(_ behaviours: [Behaviour], _ include: (Behaviour) -> Bool) -> UInt32 {
            var mask: UInt32 = 0
            for (index, behaviour) in behaviours.enumerated() where include(behaviour) { mask |= 1 << UInt32(index) }
            return mask
        }
    }

    /// Per-worker space for a block's choices: two inputs per citizen and its acts.
    final class Scratch: @unchecked Sendable {
        /// The social weight β · conformity / active ties and ambition × stake of citizen i at i
        /// and blockSize + i.
        let values: PerWorker<Float>
        /// The acts chosen, one word per citizen of the block.
        let acts: PerWorker<UInt32>

        init(workers: Int) {
            values = PerWorker(workers: workers, regionSize: 2 * KernelScratch.blockSize, repeating: 0)
            acts = PerWorker(workers: workers, regionSize: KernelScratch.blockSize, repeating: 0)
        }

        var byteCount: Int { values.byteCount + acts.byteCount }
    }

    let constants: Constants
    let traits: ConductBatch.Inputs.Traits
    let conformity: UnsafePointer<Float>
    let ambition: UnsafePointer<Float>
    let logMeans: LogMeansCache.Access
    let score: UnsafePointer<Int32>
    let scratch: Scratch

    init(
        _ constants: Constants, population: Population, logMeans: LogMeansCache, state: SocietyState,
        scratch: Scratch
    ) {
        self.constants = constants
        conformity = UnsafePointer(population.column(.conformity).base)
        ambition = UnsafePointer(population.column(.ambition).base)
        traits = (
            UnsafePointer(population.column(.hardship).base), UnsafePointer(population.column(.riskAversion).base),
            UnsafePointer(population.column(.threshold).base), conformity, ambition,
            UnsafePointer(logMeans.logMeans.base)
        )
        self.logMeans = logMeans.access
        score = UnsafePointer(state.score.base)
        self.scratch = scratch
    }

    /// Chooses the acts of tick t+1 of every citizen of `block` at once, into `scratch.acts` of
    /// `worker`: the per-citizen inputs first (what each saw, its lists, scores, perks), then the
    /// choices, many citizens per vector at `level`. `counts` holds the counts of each citizen's
    /// ties who did each behaviour, group g of citizen i at g · blockSize + i. Kept out of line,
    /// like every pass over a block: inlined, it makes the tick's loop too large for the
    /// compiler to inline the citizen's step.
    @inline(never)
    func choose(
        _ block: Range<Int>, worker: Int, neighbourhoods: UnsafePointer<Neighbourhood>,
        counts: UnsafePointer<SIMD4<Float>>, draws: BlockDraws, score scoreRules: ScoreMechanism.Constants,
        sanctions: SanctionMechanism, perks: PerkMechanism.Constants, level: VectorLevel
    ) {
        let size = KernelScratch.blockSize
        let values = scratch.values[worker]
        for citizen in block {
            let index = citizen - block.lowerBound
            let seen = neighbourhoods[index]
            let listedMask = sanctions.listing(citizen, count: sanctions.constants.count)
            let stake = scoreRules.listFactor(listedMask: listedMask)
            let meansFactor = perks.withMeansBonuses(
                sanctions.meansFactor(listedMask: listedMask), steps: score[citizen])
            var ambitionWeight = ambition[citizen]
            if constants.positionalAmbition {
                ambitionWeight *= seen.active == 0 ? 0 : Float(seen.outranking) / Float(seen.active)
            }
            logMeans.refresh(citizen, factor: meansFactor)
            let inverseActive = seen.active == 0 ? 0 : 1 / Float(seen.active)
            values[index] = constants.socialInfluence * conformity[citizen] * inverseActive
            values[size + index] = ambitionWeight * stake
        }
        let first = block.lowerBound
        let inputs = ConductBatch.Inputs(
            traits: (
                traits.0 + first, traits.1 + first, traits.2 + first, traits.3 + first, traits.4 + first,
                traits.5 + first
            ), socialWeight: values, ambitionStake: values + size, counts: counts,
            draws: draws.conductBlocks, stride: size)
        ConductBatch.acts(
            count: block.count, groups: constants.groups, groupCount: constants.groupCount, inputs: inputs,
            level: level, into: scratch.acts[worker])
    }

    /// The acts the citizen chose (`chosenActs`) that it can do, given what it sees of its ties
    /// and its lists: added to its word and counted. Returns them, one bit per behaviour.
    @inline(__always)
    func act(_ now: inout CitizenTick, seen: Neighbourhood, chosenActs: UInt32, tally: inout ChunkTally) -> UInt32 {
        var impossible: UInt32 = 0
        if seen.listedTies == 0 { impossible |= constants.listedTieMask }
        if now.listedMask & constants.throttleMask != 0 { impossible |= constants.onlineMask }
        let done = chosenActs & constants.behaviourMask & ~impossible
        now.word |= done << SignalWord.behaviourShift
        tally[.virtueActs] += (done & constants.virtueMask).nonzeroBitCount
        if done & ~constants.virtueMask != 0 { now.infraction = true }
        var remaining = done
        while remaining != 0 {
            tally.acts[remaining.trailingZeroBitCount] &+= 1
            remaining &= remaining &- 1
        }
        return done
    }
}
