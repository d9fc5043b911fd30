import Agents
import CVector

/// Public dissent: the threshold rule with preference falsification and deterrence, its records
/// (true and false), their points and detention (docs/MODEL.md, "Public dissent").
///
/// A citizen expresses dissent when the share of its active ties who dissented at t reaches its
/// threshold raised by the expected cost of being caught; a record costs points and may start a
/// detention, during which the citizen is absent.
struct DissentMechanism {
    /// The rule's constants for one run.
    struct Constants: MechanismConstants {
        let seed: UInt64
        let coverage: Float
        /// The deterrence constant k.
        let deterrence: Float
        let severity: Float
        /// Points per record of dissent, in grid steps.
        let penaltySteps: Int32
        /// Probability per tick of a false record of dissent for a citizen who did not express it.
        let misidentification: Double
        let detentionProbability: Double

        /// The dissent model is what every variant of the kernel runs.
        var needs: TickNeeds { [] }

        init(scenario: Scenario) {
            let score = scenario.regime.score
            seed = scenario.seed
            coverage = Float(scenario.regime.surveillance.dissent.effectiveCoverage)
            deterrence = Float(scenario.dissent.deterrence)
            severity = Float(scenario.dissent.severity)
            penaltySteps = score.stepDelta(score.points.dissent)
            misidentification = scenario.regime.surveillance.dissent.misidentification
            detentionProbability = scenario.regime.detention.probability
        }

        /// The detection probability of a dissenter with `dissentingTies` dissenting ties.
        func detection(dissentingTies: Int) -> Float {
            DissentRule.detectionProbability(coverage: coverage, k: deterrence, dissentingTies: dissentingTies)
        }
    }

    /// Detection probabilities for dissenting-tie counts below this size come from a table made once
    /// per run.
    static let detectionTableSize = 1024

    let constants: Constants
    /// Legitimacy L(t + 1).
    let legitimacy: Float
    let tick: UInt32
    let hardship: UnsafePointer<Float>
    let riskAversion: UnsafePointer<Float>
    let threshold: UnsafePointer<Float>
    let detentionLeft: UnsafeMutablePointer<UInt16>
    let status: UnsafeMutablePointer<UInt8>
    /// `constants.detection(dissentingTies: d)` at index d, for d below ``detectionTableSize``.
    let detectionTable: UnsafePointer<Float>
    let detentionTicks: Distribution
    let generators: WorkerGenerators

    init(
        _ constants: Constants, tick: TickInputs, population: Population, state: SocietyState,
        detectionTable: Column<Float>, detentionTicks: Distribution, generators: WorkerGenerators
    ) {
        precondition(detectionTable.count == Self.detectionTableSize, "one detection probability per count")
        self.constants = constants
        legitimacy = tick.legitimacy
        self.tick = tick.next
        hardship = UnsafePointer(population.column(.hardship).base)
        riskAversion = UnsafePointer(population.column(.riskAversion).base)
        threshold = UnsafePointer(population.column(.threshold).base)
        detentionLeft = state.detentionLeft.base
        status = state.status.base
        self.detectionTable = UnsafePointer(detectionTable.base)
        self.detentionTicks = detentionTicks
        self.generators = generators
    }

    /// The table of detection probabilities for `constants` (see ``detectionTable``).
    static func detectionTable(_ constants: Constants) -> Column<Float> {
        Column((0..<detectionTableSize).map { constants.detection(dissentingTies: $0) })
    }

    /// Serves a tick of detention if `citizen` is detained: it is then absent at t+1 (its word
    /// is 0) and decides nothing. Returns whether it was.
    @inline(__always)
    func serveDetention(_ now: inout CitizenTick, tally: inout ChunkTally) -> Bool {
        guard detentionLeft[now.citizen] > 0 else { return false }
        detentionLeft[now.citizen] -= 1
        now.word = 0
        tally[.detained] += 1
        return true
    }

    /// The threshold rule, recording, false records and detention for a present citizen who
    /// sees `seen` and has `stake` to lose.
    @inline(__always)
    func decide(
        _ now: inout CitizenTick, seen: Neighbourhood, stake: Float, draws: BlockDraws, drawIndex: Int,
        worker: Int, tally: inout ChunkTally
    ) {
        let citizen = now.citizen
        let dissenting = Int(seen.dissenting)
        let share = DissentRule.dissentingShare(dissenting: dissenting, active: Int(seen.active))
        let privateThreshold = DissentRule.privateThreshold(
            threshold: threshold[citizen],
            grievance: DissentRule.grievance(hardship: hardship[citizen] * now.hardshipFactor, legitimacy: legitimacy))
        var expressed = false
        if DissentRule.expresses(share: share, threshold: privateThreshold) {
            tally[.privateDissent] += 1
            now.word |= SignalWord.privateDissent
            let detection =
                dissenting < Self.detectionTableSize
                ? detectionTable[dissenting] : constants.detection(dissentingTies: dissenting)
            let effectiveThreshold = DissentRule.threshold(
                privateThreshold: privateThreshold, riskAversion: riskAversion[citizen], detection: detection,
                stake: stake, severity: constants.severity)
            if DissentRule.expresses(share: share, threshold: effectiveThreshold) {
                expressed = true
                now.word |= SignalWord.expressedDissent
                tally[.expressed] += 1
                if detection > 0 {
                    var stream = RandomStream(
                        seed: constants.seed, entity: UInt32(citizen), tick: tick, purpose: .dissentDetection)
                    if stream.nextUniform() < Double(detection) {
                        tally[.recordedDissent] += 1
                        now.records.dissent = true
                        now.steps += constants.penaltySteps
                        now.trueSteps += constants.penaltySteps
                        detain(citizen, stream: &stream, worker: worker, tally: &tally)
                    }
                }
            }
        }
        if !expressed && constants.misidentification > 0 {
            var stream = draws.stream(
                .falseDissentRecord, slot: draws.layout.falseDissentRecord, citizen: citizen, index: drawIndex,
                tick: tick)
            if stream.nextUniform() < constants.misidentification {
                tally[.wrongfulRecords] += 1
                now.records.dissent = true
                now.records.falseDissent = true
                now.steps += constants.penaltySteps
                detain(citizen, stream: &stream, worker: worker, tally: &tally)
            }
        }
    }

    /// Puts a recorded dissent on the citizen's record for good (what stigma reads).
    @inline(__always)
    func keepRecord(_ now: CitizenTick) {
        if now.records.dissent { status[now.citizen] |= SocietyState.Status.dissentOnRecord }
    }

    /// Starts a detention with the scenario's probability, drawing its length through GSL.
    @inline(__always)
    private func detain(_ citizen: Int, stream: inout RandomStream, worker: Int, tally: inout ChunkTally) {
        guard constants.detentionProbability > 0, stream.nextUniform() < constants.detentionProbability else {
            return
        }
        let generator = generators[worker]
        generator.reset(seed: constants.seed, entity: UInt32(citizen), tick: tick, purpose: .detentionLength)
        let length = detentionTicks.sample(generator).rounded()
        detentionLeft[citizen] = UInt16(clamping: Int(max(1, min(length, Double(UInt16.max)))))
        tally[.newDetentions] += 1
    }
}
