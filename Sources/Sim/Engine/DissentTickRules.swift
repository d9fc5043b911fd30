import Agents

/// The scenario's dissent and regime parameters for one tick, as the kernel's Float scalars.
struct DissentTickRules: Sendable {
    let seed: UInt64
    /// The tick being computed (t + 1).
    let nextTick: UInt32
    let legitimacy: Float
    let coverage: Float
    let deterrence: Float
    let severity: Float
    let scoreSteps: Int32
    let initialSteps: Int32
    let recoverySteps: Int32
    let dissentPenaltySteps: Int32
    let detentionProbability: Double
    let detentionTicks: Distribution

    init(scenario: Scenario, tick: Int) {
        let score = scenario.regime.score
        seed = scenario.seed
        nextTick = UInt32(tick + 1)
        legitimacy = Float(scenario.legitimacy.value(at: tick + 1))
        coverage = Float(scenario.regime.surveillance.dissent.coverage)
        deterrence = Float(scenario.dissent.deterrence)
        severity = Float(scenario.dissent.severity)
        scoreSteps = Int32(score.stepCount)
        initialSteps = score.steps(score.initial)
        recoverySteps = score.stepDelta(score.recovery)
        dissentPenaltySteps = score.stepDelta(score.points.dissent)
        detentionProbability = scenario.regime.detention.probability
        detentionTicks = scenario.regime.detention.ticks
    }
}
