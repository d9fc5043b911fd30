import Agents
import CVector

/// The score: recovery toward the initial score, the share of a record's points at stake, guilt by
/// association, the clamp to the range, and the score fraction its ties see (docs/MODEL.md,
/// "Score").
///
/// Scores are integer grid steps above `score.min`, so every change is exact. The true score, which
/// counts only true records, is kept only when some sanction could be wrongful.
struct ScoreMechanism {
    /// The score's constants for one run.
    struct Constants: MechanismConstants {
        /// Grid steps between `score.min` and `score.max`.
        let stepCount: Int32
        let initialSteps: Int32
        /// Grid steps per tick back toward the initial score.
        let recoverySteps: Int32
        /// scoreFractionMax / stepCount: turns grid steps into the signal word's score fraction.
        let fractionPerStep: Float
        /// Share of a record's points still at stake while on a list.
        let listedStake: Float
        /// Guilt by association: the share of the gap to ties' mean score closed per tick, the
        /// weight of a family tie, and grid steps lost per weighted listed tie.
        let associationPull: Float
        let familyWeight: Float
        let listedTiePenaltySteps: Float

        /// Association weighs ties by kind and reads their scores and lists.
        var needs: TickNeeds { associationPull > 0 || listedTiePenaltySteps > 0 ? .tieKinds : [] }

        init(scenario: Scenario) {
            let score = scenario.regime.score
            stepCount = Int32(score.stepCount)
            initialSteps = score.steps(score.initial)
            recoverySteps = score.stepDelta(score.recovery)
            fractionPerStep = score.stepCount == 0 ? 0 : Float(SignalWord.scoreFractionMax) / Float(score.stepCount)
            listedStake = Float(score.listedStake)
            associationPull = Float(score.association.pull)
            familyWeight = Float(score.association.familyWeight)
            listedTiePenaltySteps = Float(score.association.listedTiePenalty / score.resolution)
        }

        /// The score fraction of `steps` for the signal word.
        @inline(__always)
        func scoreFraction(_ steps: Int32) -> UInt32 {
            UInt32(Float(steps) * fractionPerStep + 0.5)
        }

        /// `steps` moved `recoverySteps` toward the initial score, without overshooting.
        @inline(__always)
        func recovered(_ steps: Int32) -> Int32 {
            guard recoverySteps > 0 else { return steps }
            if steps < initialSteps { return min(steps + recoverySteps, initialSteps) }
            if steps > initialSteps { return max(steps - recoverySteps, initialSteps) }
            return steps
        }

        /// The share of a record's points still at stake for a citizen on the lists of `listedMask`:
        /// 1 on none, `listed_stake` on any, whether time-limited or permanent.
        @inline(__always)
        func listFactor(listedMask: UInt8) -> Float {
            listedMask != 0 ? listedStake : 1
        }
    }

    let constants: Constants
    let score: UnsafeMutablePointer<Int32>
    let trueScore: UnsafeMutablePointer<Int32>
    let next: UnsafeMutablePointer<UInt32>

    init(_ constants: Constants, state: SocietyState) {
        self.constants = constants
        score = state.score.base
        trueScore = state.trueScore.base
        next = state.next.base
    }

    /// `citizen`'s tick t+1 as it starts: scores after recovery (the true score only when
    /// `tracksTrueScore`; otherwise it follows the score), on the lists of `listedMask`.
    @inline(__always)
    func begin(_ citizen: Int, tracksTrueScore: Bool, listedMask: UInt8) -> CitizenTick {
        let previousSteps = score[citizen]
        let previousTrueSteps = tracksTrueScore ? trueScore[citizen] : previousSteps
        return CitizenTick(
            citizen: citizen, previousSteps: previousSteps, previousTrueSteps: previousTrueSteps,
            steps: constants.recovered(previousSteps), trueSteps: constants.recovered(previousTrueSteps),
            listedMask: listedMask)
    }

    /// The share of a record's points still at stake for the citizen (``Constants/listFactor(listedMask:)``).
    @inline(__always)
    func listFactor(_ now: CitizenTick) -> Float {
        constants.listFactor(listedMask: now.listedMask)
    }

    /// Guilt by association: pulls both scores toward the weighted mean score of the ties `seen`,
    /// and takes a penalty per weighted listed tie.
    @inline(__always)
    func associate(_ now: inout CitizenTick, seen: Neighbourhood) {
        if constants.associationPull > 0 && seen.scoreWeight > 0 {
            let mean =
                seen.weightedScoreFraction / seen.scoreWeight / Float(SignalWord.scoreFractionMax)
                * Float(constants.stepCount)
            now.steps += PortableMath.nearestInteger(constants.associationPull * (mean - Float(now.steps)))
            now.trueSteps += PortableMath.nearestInteger(constants.associationPull * (mean - Float(now.trueSteps)))
        }
        if constants.listedTiePenaltySteps > 0 && seen.listedWeight > 0 {
            let penalty = PortableMath.nearestInteger(constants.listedTiePenaltySteps * seen.listedWeight)
            now.steps -= penalty
            now.trueSteps -= penalty
        }
    }

    /// Clamps the score, and the true score when `tracksTrueScore`, into the range.
    @inline(__always)
    func clamp(_ now: inout CitizenTick, tracksTrueScore: Bool) {
        now.steps = min(max(now.steps, 0), constants.stepCount)
        if tracksTrueScore { now.trueSteps = min(max(now.trueSteps, 0), constants.stepCount) }
    }

    /// Writes the citizen's tick t+1: its scores (the true score when `tracksTrueScore`) and its
    /// signal word with the score fraction.
    @inline(__always)
    func finish(_ now: CitizenTick, tracksTrueScore: Bool) {
        if tracksTrueScore && now.trueSteps != now.previousTrueSteps { trueScore[now.citizen] = now.trueSteps }
        if now.steps != now.previousSteps { score[now.citizen] = now.steps }
        next[now.citizen] = now.word | constants.scoreFraction(now.steps) << SignalWord.scoreShift
    }
}
