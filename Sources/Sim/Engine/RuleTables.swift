import Agents

/// The constants of one behaviour that decide its records, as the kernel reads them (the
/// utilities are in ``RuleTables/behaviourGroups``).
struct BehaviourConstants: BitwiseCopyable {
    var pointsSteps: Int32
    var coverage: Float
    /// False-record rate (infractions only; 0 for virtues).
    var misidentification: Float
}

/// The constants of one sanction, as the kernel reads them.
struct SanctionConstants: BitwiseCopyable {
    /// ``scoreBelow``, ``record`` or ``listed``.
    var trigger: Int32
    /// For `scoreBelow`: the threshold in grid steps.
    var threshold: Int32 = 0
    /// For `record`: the behaviour's index, or −1 for dissent.
    var behaviour: Int32 = -1
    /// For `listed`: the index of the list followed.
    var follows: Int32 = 0
    /// Ticks a listing lasts, or ``SocietyState/permanent``.
    var duration: UInt16 = SocietyState.permanent
    /// Delist once the score reaches this many steps (Int32.max: never).
    var lift: Int32 = Int32.max
    /// Means multiplier while listed (1 without job-block).
    var meansFactor: Float = 1

    static let scoreBelow: Int32 = 0
    static let record: Int32 = 1
    static let listed: Int32 = 2
}

/// The constants of one perk, as the kernel reads them.
struct PerkConstants: BitwiseCopyable {
    /// For a rank perk, the top share q (0 for a threshold perk).
    var rankShare: Double = 0
    /// For a threshold perk, the minimum score in grid steps.
    var fixedSteps: Int32 = Int32.max
    var datingRate: Double = 0
    var meansBonus: Float = 0
}

/// Owns the per-behaviour, per-sanction and per-perk constants of a run, and the per-tick
/// minimum score of each perk, in columns the kernel reads through raw pointers.
final class RuleTables: @unchecked Sendable {
    let behaviours: Column<BehaviourConstants>
    /// The behaviours' utilities, four per group in list order: behaviour b is lane b % 4 of
    /// group b / 4.
    let behaviourGroups: Column<ConductRule.Group>
    let sanctions: Column<SanctionConstants>
    let perks: Column<PerkConstants>
    /// Per perk, the minimum score (grid steps) to hold it at the current tick.
    let perkMinimumSteps: Column<Int32>

    init(scenario: Scenario) {
        let regime = scenario.regime
        let score = regime.score
        let parameters = scenario.conduct
        behaviours = Column(
            scenario.behaviours.map { behaviour in
                let coverage = regime.surveillance[behaviour.channel].effectiveCoverage
                return BehaviourConstants(
                    pointsSteps: score.stepDelta(behaviour.points), coverage: Float(coverage),
                    misidentification: behaviour.kind == .infraction
                        ? Float(regime.surveillance[behaviour.channel].misidentification) : 0)
            })
        var groups = [ConductRule.Group](
            repeating: ConductRule.Group(), count: (scenario.behaviours.count + 3) / 4)
        let traits: [Trait] = [.hardship, .riskAversion, .threshold, .conformity, .ambition, .means]
        for (index, behaviour) in scenario.behaviours.enumerated() {
            let coverage = regime.surveillance[behaviour.channel].effectiveCoverage
            groups[index / 4].set(
                lane: index % 4, baseUtility: ConductRule.logit(Float(behaviour.rate)),
                traitWeights: traits.map { Float(behaviour.drivers[$0] ?? 0) },
                incentive: ConductRule.incentive(
                    isVirtue: behaviour.kind == .virtue, weight: Float(parameters.incentive),
                    coverage: Float(coverage), points: Float(behaviour.points), scale: Float(parameters.pointsScale)))
        }
        behaviourGroups = Column(groups)
        let names = regime.sanctions.map(\.name)
        sanctions = Column(
            regime.sanctions.map { sanction in
                var constants: SanctionConstants
                switch sanction.trigger {
                case .scoreBelow(let value):
                    constants = SanctionConstants(trigger: SanctionConstants.scoreBelow)
                    constants.threshold = score.thresholdSteps(value)
                case .record(let act):
                    constants = SanctionConstants(trigger: SanctionConstants.record)
                    constants.behaviour = Int32(scenario.behaviours.firstIndex { $0.name == act } ?? -1)
                case .listed(let other):
                    constants = SanctionConstants(trigger: SanctionConstants.listed)
                    constants.follows = Int32(names.firstIndex(of: other)!)
                }
                if let duration = sanction.duration {
                    constants.duration = UInt16(clamping: min(duration, Int(SocietyState.permanent) - 1))
                }
                if let lift = sanction.liftAbove { constants.lift = score.thresholdSteps(lift) }
                if sanction.effects.contains(.jobBlock) { constants.meansFactor = Float(sanction.meansFactor) }
                return constants
            })
        perks = Column(
            regime.perks.map { perk in
                var constants = PerkConstants()
                switch perk.trigger {
                case .scoreAbove(let value): constants.fixedSteps = score.thresholdSteps(value)
                case .topShare(let share): constants.rankShare = share
                }
                if perk.effects.contains(.datingBoost) { constants.datingRate = perk.datingRate }
                if perk.effects.contains(.meansBonus) { constants.meansBonus = Float(perk.meansBonus) }
                return constants
            })
        perkMinimumSteps = Column(count: regime.perks.count, repeating: Int32.max)
    }
}
