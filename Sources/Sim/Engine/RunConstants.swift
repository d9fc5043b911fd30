import Agents

/// A scenario's rules as the kernel's plain values: grid steps, Float weights, bit masks, and
/// pointers to the per-behaviour, per-sanction and per-perk constants that ``RuleTables`` owns.
///
/// Built once per run and copied into each tick's kernel; it is bitwise-copyable (no references),
/// so reading it in the hot loop costs no reference counting. The tables it points into are
/// read-only during a tick, hence `@unchecked Sendable`.
struct RunConstants: @unchecked Sendable, BitwiseCopyable {
    let seed: UInt64
    /// The instruction set the vector kernels run with; outputs do not depend on it.
    let vectorLevel: VectorLevel
    /// The Philox key of `seed`, for draws made a block at a time.
    let key: Philox4x32.Key
    let stepCount: Int32
    let initialSteps: Int32
    let recoverySteps: Int32
    /// scoreFractionMax / stepCount: turns grid steps into the signal word's score fraction.
    let fractionPerStep: Float

    // Dissent.
    let dissentCoverage: Float
    let dissentMisidentification: Double
    let deterrence: Float
    let severity: Float
    let dissentPenaltySteps: Int32
    let detentionProbability: Double

    // Behaviours.
    let behaviourCount: Int
    /// Per behaviour, owned by ``RuleTables``.
    let behaviours: UnsafeMutablePointer<BehaviourConstants>
    /// The utilities, four behaviours per group, owned by ``RuleTables``.
    let behaviourGroups: UnsafeMutablePointer<ConductRule.Group>
    let behaviourGroupCount: Int
    /// One bit per behaviour.
    let behaviourMask: UInt32
    let virtueMask: UInt32
    let onlineMask: UInt32
    let listedTieMask: UInt32
    let socialInfluence: Float
    /// Σ_b misidentification_b (summed in behaviour order).
    let misidentificationTotal: Double

    // Score.
    let associationPull: Float
    let familyWeight: Float
    let listedTiePenaltySteps: Float
    let listedStake: Float
    let stigmaBelowSteps: Int32

    // Sanctions and perks, owned by ``RuleTables``.
    let sanctionCount: Int
    let sanctions: UnsafeMutablePointer<SanctionConstants>
    let travelBanMask: UInt8
    let flightBanMask: UInt8
    let railBanMask: UInt8
    let throttleMask: UInt8
    let schoolMask: UInt8
    let perkCount: Int
    let perks: UnsafeMutablePointer<PerkConstants>
    let positionalAmbition: Bool

    // Peer rating.
    let peerRating: Bool
    /// ⌊ratings_per_tick⌋, and the chance of one rating more.
    let wholeRatingsPerTick: Int
    let extraRatingChance: Double
    let ratingResponsiveness: Float
    let ratingInflation: Float
    let ratingFakeNice: Float
    let ratingStigma: Float
    let raterWeight: Float

    // Visibility.
    let publicScores: Bool
    let cutRate: Float
    let cutFamily: Bool

    /// Whether the gather must read tie kinds.
    let readsKinds: Bool
    /// Whether the gather must look at more than presence and dissent (and copy the tie words
    /// that ratings and tie cutting read again).
    let needsTieDetails: Bool
    /// Whether anyone reads the stigmatized bit (tie cutting, dating, ratings).
    let tracksStigma: Bool
    /// Whether any mechanism beyond the dissent model is on (see ``KernelVariant``).
    let runsRegime: Bool

    init(scenario: Scenario, tables: RuleTables, vectorLevel: VectorLevel) {
        let regime = scenario.regime
        let score = regime.score
        seed = scenario.seed
        self.vectorLevel = vectorLevel
        key = Philox4x32.key(seed: seed)
        stepCount = Int32(score.stepCount)
        initialSteps = score.steps(score.initial)
        recoverySteps = score.stepDelta(score.recovery)
        fractionPerStep = score.stepCount == 0 ? 0 : Float(SignalWord.scoreFractionMax) / Float(score.stepCount)

        dissentCoverage = Float(regime.surveillance.dissent.effectiveCoverage)
        dissentMisidentification = regime.surveillance.dissent.misidentification
        deterrence = Float(scenario.dissent.deterrence)
        severity = Float(scenario.dissent.severity)
        dissentPenaltySteps = score.stepDelta(score.points.dissent)
        detentionProbability = regime.detention.probability

        let behaviours = scenario.behaviours
        behaviourCount = behaviours.count
        self.behaviours = tables.behaviours.base
        behaviourGroups = tables.behaviourGroups.base
        behaviourGroupCount = tables.behaviourGroups.count
        behaviourMask = behaviours.isEmpty ? 0 : UInt32.max >> (32 - UInt32(behaviours.count))
        func mask(_ include: (Behaviour) -> Bool) -> UInt32 {
            var mask: UInt32 = 0
            for (index, behaviour) in behaviours.enumerated() where include(behaviour) { mask |= 1 << UInt32(index) }
            return mask
        }
        virtueMask = mask { $0.kind == .virtue }
        onlineMask = mask { $0.channel == .online }
        listedTieMask = mask { $0.condition == .listedTie }
        socialInfluence = Float(scenario.conduct.socialInfluence)
        misidentificationTotal = tables.behaviours.buffer.reduce(0) { $0 + Double($1.misidentification) }

        associationPull = Float(score.association.pull)
        familyWeight = Float(score.association.familyWeight)
        listedTiePenaltySteps = Float(score.association.listedTiePenalty / score.resolution)
        listedStake = Float(score.listedStake)
        stigmaBelowSteps = regime.visibility.stigmaBelow.map { score.thresholdSteps($0) } ?? Int32.min

        let sanctions = regime.sanctions
        sanctionCount = sanctions.count
        self.sanctions = tables.sanctions.base
        func sanctionMask(_ effects: Set<Sanction.Effect>) -> UInt8 {
            var mask: UInt8 = 0
            for (index, sanction) in sanctions.enumerated() where !effects.isDisjoint(with: sanction.effects) {
                mask |= 1 << UInt8(index)
            }
            return mask
        }
        flightBanMask = sanctionMask([.flightBan])
        railBanMask = sanctionMask([.railBan])
        travelBanMask = flightBanMask | railBanMask
        throttleMask = sanctionMask([.internetThrottle])
        schoolMask = sanctionMask([.schoolRestriction])

        perkCount = regime.perks.count
        perks = tables.perks.base
        positionalAmbition = tables.perks.buffer.contains { $0.rankShare > 0 }
        let anyDating = tables.perks.buffer.contains { $0.datingRate > 0 }

        let rating = regime.peerRating
        peerRating = rating.enabled
        let wholeRatings = rating.ratingsPerTick.rounded(.down)
        wholeRatingsPerTick = Int(wholeRatings)
        extraRatingChance = rating.ratingsPerTick - wholeRatings
        ratingResponsiveness = Float(rating.responsiveness)
        ratingInflation = Float(rating.inflation)
        ratingFakeNice = Float(rating.fakeNice)
        ratingStigma = Float(rating.stigma)
        raterWeight = Float(rating.raterWeight)

        publicScores = regime.visibility.publicScores
        cutRate = Float(regime.visibility.cutRate)
        cutFamily = regime.visibility.cutFamily
        readsKinds = travelBanMask != 0 || schoolMask != 0 || score.association.isActive || publicScores || anyDating
        tracksStigma = publicScores || anyDating || peerRating
        needsTieDetails =
            readsKinds || behaviourCount > 0 || associationPull > 0 || listedTiePenaltySteps > 0
            || positionalAmbition || listedTieMask != 0 || peerRating
        runsRegime = needsTieDetails || sanctionCount > 0 || perkCount > 0
    }

    /// The score fraction of `steps` for the signal word.
    @inline(__always)
    func scoreFraction(_ steps: Int32) -> UInt32 {
        UInt32(Float(steps) * fractionPerStep + 0.5)
    }
}
