import Agents

/// A scenario's rules as the kernel's plain values: grid steps, Float weights, bit masks.
///
/// Built once per run; nothing here changes from tick to tick.
struct RunConstants: Sendable {
    let seed: UInt64
    let stepCount: Int32
    let initialSteps: Int32
    let recoverySteps: Int32
    let resolution: Double

    // Dissent.
    let dissentCoverage: Float
    let dissentMisidentification: Double
    let deterrence: Float
    let severity: Float
    let dissentPenaltySteps: Int32
    let detentionProbability: Double
    let detentionTicks: Distribution

    // Behaviours: arrays indexed by behaviour.
    let behaviourCount: Int
    let baseLogit: [Float]
    /// Trait weights, `traitCount` per behaviour, in ``traitOrder``.
    let drivers: [Float]
    let pointsSteps: [Int32]
    /// γ · coverage · |points| / scale: multiplied by ambition and stake for the incentive term.
    let incentiveScale: [Float]
    let coverage: [Double]
    let misidentification: [Double]
    let virtueMask: UInt64
    let onlineMask: UInt64
    let listedTieMask: UInt64
    let socialInfluence: Float

    // Score.
    let associationPull: Float
    let familyWeight: Float
    let listedTiePenaltySteps: Float
    let listedStake: Float
    let stigmaBelowSteps: Int32?

    // Sanctions.
    let sanctions: [SanctionRule]
    let travelBanMask: UInt8
    let flightBanMask: UInt8
    let railBanMask: UInt8
    let throttleMask: UInt8
    let schoolMask: UInt8
    let jobBlockFactors: [Float]

    // Perks.
    let perks: [PerkRule]
    let positionalAmbition: Bool

    // Peer rating.
    let peerRating: PeerRating

    // Visibility.
    let publicScores: Bool
    let cutRate: Float
    let cutFamily: Bool

    /// Whether the gather must read tie kinds.
    let readsKinds: Bool

    /// Trait order of the `drivers` weights; `means` enters as ln(means).
    static let traitOrder: [Trait] = [.hardship, .riskAversion, .threshold, .conformity, .ambition, .means]
    static let traitCount = 6

    /// A sanction's trigger and effects as plain values.
    struct SanctionRule: Sendable {
        enum Trigger: Sendable {
            case scoreBelow(steps: Int32)
            /// A record of behaviour `behaviour`, or of dissent when nil.
            case record(behaviour: Int?)
            case listed(sanction: Int)
        }
        let trigger: Trigger
        /// Ticks a listing lasts, or ``SocietyState/permanent``.
        let duration: UInt16
        let liftSteps: Int32?
    }

    /// A perk's trigger and effects as plain values.
    struct PerkRule: Sendable {
        /// Minimum score in steps, or nil for a rank perk (threshold computed each tick).
        let minimumSteps: Int32?
        let topShare: Double
        let datingRate: Double
        let meansBonus: Float
    }

    init(scenario: Scenario) {
        let regime = scenario.regime
        let score = regime.score
        seed = scenario.seed
        stepCount = Int32(score.stepCount)
        initialSteps = score.steps(score.initial)
        recoverySteps = score.stepDelta(score.recovery)
        resolution = score.resolution

        dissentCoverage = Float(regime.surveillance.dissent.effectiveCoverage)
        dissentMisidentification = regime.surveillance.dissent.misidentification
        deterrence = Float(scenario.dissent.deterrence)
        severity = Float(scenario.dissent.severity)
        dissentPenaltySteps = score.stepDelta(score.points.dissent)
        detentionProbability = regime.detention.probability
        detentionTicks = regime.detention.ticks

        let behaviours = scenario.behaviours
        let conduct = scenario.conduct
        behaviourCount = behaviours.count
        baseLogit = behaviours.map { ConductRule.logit(Float($0.rate)) }
        drivers = behaviours.flatMap { behaviour in
            RunConstants.traitOrder.map { Float(behaviour.drivers[$0] ?? 0) }
        }
        pointsSteps = behaviours.map { score.stepDelta($0.points) }
        coverage = behaviours.map { regime.surveillance[$0.channel].effectiveCoverage }
        incentiveScale = behaviours.map { behaviour in
            Float(
                conduct.incentive * regime.surveillance[behaviour.channel].effectiveCoverage * abs(behaviour.points)
                    / conduct.pointsScale)
        }
        misidentification = behaviours.map {
            $0.kind == .infraction ? regime.surveillance[$0.channel].misidentification : 0
        }
        func mask(_ include: (Behaviour) -> Bool) -> UInt64 {
            var mask: UInt64 = 0
            for (index, behaviour) in behaviours.enumerated() where include(behaviour) { mask |= 1 << UInt64(index) }
            return mask
        }
        virtueMask = mask { $0.kind == .virtue }
        onlineMask = mask { $0.channel == .online }
        listedTieMask = mask { $0.condition == .listedTie }
        socialInfluence = Float(conduct.socialInfluence)

        associationPull = Float(score.association.pull)
        familyWeight = Float(score.association.familyWeight)
        listedTiePenaltySteps = Float(score.association.listedTiePenalty / score.resolution)
        listedStake = Float(score.listedStake)
        stigmaBelowSteps = regime.visibility.stigmaBelow.map { score.steps($0) }

        let names = regime.sanctions.map(\.name)
        sanctions = regime.sanctions.map { sanction in
            let trigger: SanctionRule.Trigger
            switch sanction.trigger {
            case .scoreBelow(let value):
                trigger = .scoreBelow(steps: score.steps(value))
            case .record(let act):
                trigger = .record(behaviour: behaviours.firstIndex { $0.name == act })
            case .listed(let other):
                trigger = .listed(sanction: names.firstIndex(of: other)!)
            }
            return SanctionRule(
                trigger: trigger,
                duration: sanction.duration.map { UInt16(clamping: min($0, Int(SocietyState.permanent) - 1)) }
                    ?? SocietyState.permanent,
                liftSteps: sanction.liftAbove.map { score.steps($0) })
        }
        func sanctionMask(_ effects: Set<Sanction.Effect>) -> UInt8 {
            var mask: UInt8 = 0
            for (index, sanction) in regime.sanctions.enumerated() where !effects.isDisjoint(with: sanction.effects) {
                mask |= 1 << UInt8(index)
            }
            return mask
        }
        flightBanMask = sanctionMask([.flightBan])
        railBanMask = sanctionMask([.railBan])
        travelBanMask = flightBanMask | railBanMask
        throttleMask = sanctionMask([.internetThrottle])
        schoolMask = sanctionMask([.schoolRestriction])
        jobBlockFactors = regime.sanctions.map { $0.effects.contains(.jobBlock) ? Float($0.meansFactor) : 1 }

        perks = regime.perks.map { perk in
            switch perk.trigger {
            case .scoreAbove(let value):
                PerkRule(
                    minimumSteps: score.steps(value), topShare: 0,
                    datingRate: perk.effects.contains(.datingBoost) ? perk.datingRate : 0,
                    meansBonus: perk.effects.contains(.meansBonus) ? Float(perk.meansBonus) : 0)
            case .topShare(let share):
                PerkRule(
                    minimumSteps: nil, topShare: share,
                    datingRate: perk.effects.contains(.datingBoost) ? perk.datingRate : 0,
                    meansBonus: perk.effects.contains(.meansBonus) ? Float(perk.meansBonus) : 0)
            }
        }
        positionalAmbition = perks.contains { $0.minimumSteps == nil }

        peerRating = regime.peerRating
        publicScores = regime.visibility.publicScores
        cutRate = Float(regime.visibility.cutRate)
        cutFamily = regime.visibility.cutFamily
        readsKinds = travelBanMask != 0 || schoolMask != 0 || score.association.isActive
            || (publicScores && !cutFamily) || perks.contains { $0.datingRate > 0 }
    }
}
