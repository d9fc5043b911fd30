import Agents
import CVector

/// Public dissent: the threshold rule with preference falsification and deterrence, its records
/// (true and false), their points and detention (docs/MODEL.md, "Public dissent").
///
/// A citizen expresses dissent when the share of its active ties who dissented at t reaches its
/// threshold raised by the expected cost of being caught: the probability of a record (from
/// coverage, or from the watchers in view under finite policing) times what a record costs in
/// points and detention. A record costs points and may start a detention, during which the
/// citizen is absent.
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
        /// The grid steps a record can take at most (0 when a record gains points).
        let stepsAtRisk: Int32
        /// Cost units per grid step lost: resolution / `dissent.points_scale`.
        let costPerStep: Float
        /// The expected cost of detention: weight × probability × mean length (at least 1 tick).
        let detentionCost: Float
        /// Probability per tick of a false record of dissent for a citizen who did not express it.
        let misidentification: Double
        let detentionProbability: Double
        /// Whether detection follows the watchers in view (``PolicingMechanism``).
        let policed: Bool

        /// The dissent model is what every variant of the kernel runs.
        var needs: TickNeeds { [] }

        init(scenario: Scenario) {
            let score = scenario.regime.score
            let dissent = scenario.dissent
            let detention = scenario.regime.detention
            seed = scenario.seed
            coverage = Float(scenario.regime.surveillance.dissent.effectiveCoverage)
            deterrence = Float(dissent.deterrence)
            severity = Float(dissent.severity)
            penaltySteps = score.stepDelta(score.points.dissent)
            stepsAtRisk = max(0, -penaltySteps)
            costPerStep = Float(score.resolution / dissent.pointsScale)
            detentionCost = Float(dissent.detentionWeight * detention.probability * max(1, detention.ticks.mean))
            misidentification = scenario.regime.surveillance.dissent.misidentification
            detentionProbability = detention.probability
            policed = scenario.regime.policing.enabled
        }

        /// The detection probability at index d of ``DissentMechanism/detectionTable``: under
        /// coverage, of a dissenter with d dissenting ties; under policing, for d watchers per
        /// dissenter in view (rounded down).
        func detection(_ d: Int) -> Float {
            policed
                ? DissentRule.policedDetectionProbability(k: deterrence, watchers: d, dissentersInView: 1)
                : DissentRule.detectionProbability(coverage: coverage, k: deterrence, dissentingTies: d)
        }

        /// What a record would cost a citizen with `steps` above the floor and `listFactor` of
        /// its points at stake, in cost units.
        @inline(__always)
        func recordCost(steps: Int32, listFactor: Float) -> Float {
            DissentRule.recordCost(
                pointsAtRisk: Float(min(stepsAtRisk, steps)) * costPerStep, listFactor: listFactor,
                detentionCost: detentionCost)
        }
    }

    /// Detection probabilities for indices below this size come from a table made once per run.
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
    /// `constants.detection(d)` at index d, for d below ``detectionTableSize``.
    let detectionTable: UnsafePointer<Float>
    /// Under policing, how citizens are cut into beats, and each beat's watchers in view (C) and
    /// expressed dissent at t (A − 1).
    let beats: PolicingMechanism.Constants
    let beatWatchers: UnsafePointer<Int32>
    let beatDissent: UnsafePointer<Int32>
    let detentionTicks: Distribution
    let generators: WorkerGenerators

    init(
        _ constants: Constants, tick: TickInputs, population: Population, state: SocietyState,
        detectionTable: Column<Float>, policing: PolicingMechanism, detentionTicks: Distribution,
        generators: WorkerGenerators
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
        beats = policing.constants
        beatWatchers = UnsafePointer(policing.beatWatchers.base)
        beatDissent = UnsafePointer(policing.beatDissent.base)
        self.detentionTicks = detentionTicks
        self.generators = generators
    }

    /// The table of detection probabilities for `constants` (see ``detectionTable``).
    static func detectionTable(_ constants: Constants) -> Column<Float> {
        Column((0..<detectionTableSize).map { constants.detection($0) })
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

    /// The probabilities that `citizen`'s dissent is recorded when it sees `seen`, as it perceives
    /// it and in fact. Under coverage both are P = coverage · (1 − e^(−k / (1 + A))), A its
    /// dissenting ties. Under policing, with C the watchers in view of its beat and A = 1 + the
    /// beat's expressed dissent at t (``PolicingMechanism``), it perceives 1 − e^(−k ⌊C / A⌋) and
    /// is recorded with probability min(1, C / A).
    @inline(__always)
    func detection(_ citizen: Int, seen: Neighbourhood) -> (perceived: Float, actual: Float) {
        guard constants.policed else {
            let dissenting = Int(seen.dissenting)
            let probability =
                dissenting < Self.detectionTableSize
                ? detectionTable[dissenting] : constants.detection(dissenting)
            return (probability, probability)
        }
        let beat = beats.beat(of: citizen)
        let watchers = Int(beatWatchers[beat])
        let inView = 1 + Int(beatDissent[beat])
        let ratio = watchers / inView
        let perceived = ratio < Self.detectionTableSize ? detectionTable[ratio] : constants.detection(ratio)
        return (perceived, DissentRule.policedRecordProbability(watchers: watchers, dissentersInView: inView))
    }

    /// The threshold rule, recording, false records and detention for a present citizen who
    /// sees `seen` and has `listFactor` of a record's points at stake; `hardshipFactor()` gives
    /// what its hardship is multiplied by in grievance (hospital priority), asked only of a
    /// citizen who would dissent latently without it, since relief only raises θ*.
    @inline(__always)
    func decide(
        _ now: inout CitizenTick, seen: Neighbourhood, listFactor: Float, hardshipFactor: () -> Float,
        draws: BlockDraws, drawIndex: Int, worker: Int, tally: inout ChunkTally
    ) {
        let citizen = now.citizen
        let share = DissentRule.dissentingShare(dissenting: Int(seen.dissenting), active: Int(seen.active))
        var grievance = DissentRule.grievance(hardship: hardship[citizen], legitimacy: legitimacy)
        var expressed = false
        if DissentRule.expresses(
            share: share, threshold: DissentRule.privateThreshold(threshold: threshold[citizen], grievance: grievance))
        {
            let factor = hardshipFactor()
            if factor != 1 {
                grievance = DissentRule.grievance(hardship: hardship[citizen] * factor, legitimacy: legitimacy)
            }
            expressed = weigh(
                &now, seen: seen, share: share, grievance: grievance, listFactor: listFactor,
                worker: worker, tally: &tally)
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

    /// For a citizen with `grievance` who sees `share` of its ties dissent: whether it dissents
    /// latently and opposes privately, then the fear that may keep it quiet, its expression and its
    /// record. Returns whether it expressed dissent. Out of line: few citizens get here, and the
    /// step stays small enough to inline.
    @inline(never)
    private func weigh(
        _ now: inout CitizenTick, seen: Neighbourhood, share: Float, grievance: Float, listFactor: Float,
        worker: Int, tally: inout ChunkTally
    ) -> Bool {
        let citizen = now.citizen
        let privateThreshold = DissentRule.privateThreshold(threshold: threshold[citizen], grievance: grievance)
        guard DissentRule.expresses(share: share, threshold: privateThreshold) else { return false }
        tally[.latentDissent] += 1
        now.word |= SignalWord.latentDissent
        if DissentRule.opposes(grievance: grievance, threshold: threshold[citizen]) {
            tally[.privateOpposition] += 1
        }
        let detection = detection(citizen, seen: seen)
        let effectiveThreshold = DissentRule.threshold(
            privateThreshold: privateThreshold, riskAversion: riskAversion[citizen], detection: detection.perceived,
            severity: constants.severity, cost: constants.recordCost(steps: now.steps, listFactor: listFactor))
        guard DissentRule.expresses(share: share, threshold: effectiveThreshold) else { return false }
        now.word |= SignalWord.expressedDissent
        tally[.expressed] += 1
        if detection.actual > 0 {
            var stream = RandomStream(
                seed: constants.seed, entity: UInt32(citizen), tick: tick, purpose: .dissentDetection)
            if stream.nextUniform() < Double(detection.actual) {
                tally[.recordedDissent] += 1
                now.records.dissent = true
                now.steps += constants.penaltySteps
                now.trueSteps += constants.penaltySteps
                detain(citizen, stream: &stream, worker: worker, tally: &tally)
            }
        }
        return true
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
