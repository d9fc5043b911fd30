import Agents

/// A scenario's rules as the kernel's plain values: grid steps, Float weights, SIMD lanes per
/// behaviour (16), per sanction and per perk (8), and bit masks.
///
/// Built once per run and copied into each tick's kernel; it holds no references, so reading it
/// in the hot loop costs no reference counting.
struct RunConstants: Sendable {
    let seed: UInt64
    let stepCount: Int32
    let initialSteps: Int32
    let recoverySteps: Int32
    /// 65535 / stepCount: turns grid steps into the signal word's 16-bit score fraction.
    let fractionPerStep: Double

    // Dissent.
    let dissentCoverage: Float
    let dissentMisidentification: Double
    let deterrence: Float
    let severity: Float
    let dissentPenaltySteps: Int32
    let detentionProbability: Double
    let detentionTicks: Distribution

    // Behaviours, one lane each.
    let behaviourCount: Int
    let conduct: ConductRule.Table
    let pointsSteps: SIMD16<Int32>
    let coverage: SIMD16<Float>
    let misidentification: SIMD16<Float>
    /// Σ_b misidentification_b (in Double, summed in behaviour order).
    let misidentificationTotal: Double
    let virtueMask: UInt64
    let onlineMask: UInt64
    let listedTieMask: UInt64
    let socialInfluence: Float

    // Score.
    let associationPull: Float
    let familyWeight: Float
    let listedTiePenaltySteps: Float
    let listedStake: Float
    let stigmaBelowSteps: Int32

    // Sanctions, one lane each.
    let sanctionCount: Int
    /// 0: score below `sanctionThreshold`; 1: a record of behaviour `sanctionBehaviour` (−1:
    /// dissent); 2: listed on sanction `sanctionFollows`.
    let sanctionTrigger: SIMD8<Int32>
    let sanctionThreshold: SIMD8<Int32>
    let sanctionBehaviour: SIMD8<Int32>
    let sanctionFollows: SIMD8<Int32>
    /// Ticks a listing lasts, or ``SocietyState/permanent``.
    let sanctionDuration: SIMD8<UInt16>
    /// Delist once the score reaches this many steps (Int32.max: never).
    let sanctionLift: SIMD8<Int32>
    let travelBanMask: UInt8
    let flightBanMask: UInt8
    let railBanMask: UInt8
    let throttleMask: UInt8
    let schoolMask: UInt8
    let jobBlockFactor: SIMD8<Float>

    // Perks, one lane each; rank perks get their threshold per tick (``TickInputs``).
    let perkCount: Int
    let perkRankShare: SIMD8<Double>
    let perkFixedSteps: SIMD8<Int32>
    let perkDatingRate: SIMD8<Double>
    let perkMeansBonus: SIMD8<Float>
    let positionalAmbition: Bool

    // Peer rating.
    let peerRating: Bool
    let ratingsPerTick: Double
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

    /// `sanctionTrigger` values.
    static let scoreBelowTrigger: Int32 = 0
    static let recordTrigger: Int32 = 1
    static let listedTrigger: Int32 = 2

    init(scenario: Scenario) {
        let regime = scenario.regime
        let score = regime.score
        seed = scenario.seed
        stepCount = Int32(score.stepCount)
        initialSteps = score.steps(score.initial)
        recoverySteps = score.stepDelta(score.recovery)
        fractionPerStep = score.stepCount == 0 ? 0 : Double(SignalWord.scoreFractionMax) / Double(score.stepCount)

        dissentCoverage = Float(regime.surveillance.dissent.effectiveCoverage)
        dissentMisidentification = regime.surveillance.dissent.misidentification
        deterrence = Float(scenario.dissent.deterrence)
        severity = Float(scenario.dissent.severity)
        dissentPenaltySteps = score.stepDelta(score.points.dissent)
        detentionProbability = regime.detention.probability
        detentionTicks = regime.detention.ticks

        let behaviours = scenario.behaviours
        let parameters = scenario.conduct
        behaviourCount = behaviours.count
        func lanes(_ value: (Behaviour) -> Float) -> SIMD16<Float> {
            var lanes = SIMD16<Float>()
            for (index, behaviour) in behaviours.enumerated() { lanes[index] = value(behaviour) }
            return lanes
        }
        func weights(_ trait: Trait) -> SIMD16<Float> {
            lanes { Float($0.drivers[trait] ?? 0) }
        }
        conduct = ConductRule.Table(
            baseUtility: lanes { ConductRule.logit(Float($0.rate)) },
            traitWeights: (
                weights(.hardship), weights(.riskAversion), weights(.threshold), weights(.conformity),
                weights(.ambition), weights(.means)
            ),
            incentive: lanes { behaviour in
                ConductRule.incentive(
                    isVirtue: behaviour.kind == .virtue, weight: Float(parameters.incentive),
                    coverage: Float(regime.surveillance[behaviour.channel].effectiveCoverage),
                    points: Float(behaviour.points), scale: Float(parameters.pointsScale))
            })
        var points = SIMD16<Int32>()
        for (index, behaviour) in behaviours.enumerated() { points[index] = score.stepDelta(behaviour.points) }
        pointsSteps = points
        coverage = lanes { Float(regime.surveillance[$0.channel].effectiveCoverage) }
        misidentification = lanes {
            $0.kind == .infraction ? Float(regime.surveillance[$0.channel].misidentification) : 0
        }
        func mask(_ include: (Behaviour) -> Bool) -> UInt64 {
            var mask: UInt64 = 0
            for (index, behaviour) in behaviours.enumerated() where include(behaviour) { mask |= 1 << UInt64(index) }
            return mask
        }
        var total = 0.0
        for index in behaviours.indices { total += Double(misidentification[index]) }
        misidentificationTotal = total
        virtueMask = mask { $0.kind == .virtue }
        onlineMask = mask { $0.channel == .online }
        listedTieMask = mask { $0.condition == .listedTie }
        socialInfluence = Float(parameters.socialInfluence)

        associationPull = Float(score.association.pull)
        familyWeight = Float(score.association.familyWeight)
        listedTiePenaltySteps = Float(score.association.listedTiePenalty / score.resolution)
        listedStake = Float(score.listedStake)
        stigmaBelowSteps = regime.visibility.stigmaBelow.map { score.steps($0) } ?? Int32.min

        let sanctions = regime.sanctions
        sanctionCount = sanctions.count
        var trigger = SIMD8<Int32>()
        var threshold = SIMD8<Int32>()
        var behaviour = SIMD8<Int32>(repeating: -1)
        var follows = SIMD8<Int32>()
        var duration = SIMD8<UInt16>()
        var lift = SIMD8<Int32>(repeating: Int32.max)
        var jobBlock = SIMD8<Float>(repeating: 1)
        for (index, sanction) in sanctions.enumerated() {
            switch sanction.trigger {
            case .scoreBelow(let value):
                trigger[index] = RunConstants.scoreBelowTrigger
                threshold[index] = score.steps(value)
            case .record(let act):
                trigger[index] = RunConstants.recordTrigger
                behaviour[index] = Int32(behaviours.firstIndex { $0.name == act } ?? -1)
            case .listed(let other):
                trigger[index] = RunConstants.listedTrigger
                follows[index] = Int32(sanctions.firstIndex { $0.name == other }!)
            }
            duration[index] =
                sanction.duration.map { UInt16(clamping: min($0, Int(SocietyState.permanent) - 1)) }
                ?? SocietyState.permanent
            if let value = sanction.liftAbove { lift[index] = score.steps(value) }
            if sanction.effects.contains(.jobBlock) { jobBlock[index] = Float(sanction.meansFactor) }
        }
        sanctionTrigger = trigger
        sanctionThreshold = threshold
        sanctionBehaviour = behaviour
        sanctionFollows = follows
        sanctionDuration = duration
        sanctionLift = lift
        jobBlockFactor = jobBlock
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

        let perks = regime.perks
        perkCount = perks.count
        var rankShare = SIMD8<Double>()
        var fixedSteps = SIMD8<Int32>(repeating: Int32.max)
        var datingRate = SIMD8<Double>()
        var meansBonus = SIMD8<Float>()
        for (index, perk) in perks.enumerated() {
            switch perk.trigger {
            case .scoreAbove(let value): fixedSteps[index] = score.steps(value)
            case .topShare(let share): rankShare[index] = share
            }
            if perk.effects.contains(.datingBoost) { datingRate[index] = perk.datingRate }
            if perk.effects.contains(.meansBonus) { meansBonus[index] = Float(perk.meansBonus) }
        }
        perkRankShare = rankShare
        perkFixedSteps = fixedSteps
        perkDatingRate = datingRate
        perkMeansBonus = meansBonus
        positionalAmbition = perks.contains { if case .topShare = $0.trigger { true } else { false } }

        let rating = regime.peerRating
        peerRating = rating.enabled
        ratingsPerTick = rating.ratingsPerTick
        ratingResponsiveness = Float(rating.responsiveness)
        ratingInflation = Float(rating.inflation)
        ratingFakeNice = Float(rating.fakeNice)
        ratingStigma = Float(rating.stigma)
        raterWeight = Float(rating.raterWeight)

        publicScores = regime.visibility.publicScores
        cutRate = Float(regime.visibility.cutRate)
        cutFamily = regime.visibility.cutFamily
        readsKinds =
            travelBanMask != 0 || schoolMask != 0 || score.association.isActive || publicScores
            || any(perkDatingRate .> 0)
    }

    /// The 16-bit score fraction of `steps` for the signal word.
    @inline(__always)
    func scoreFraction(_ steps: Int32) -> UInt64 {
        UInt64((Double(steps) * fractionPerStep).rounded())
    }
}
