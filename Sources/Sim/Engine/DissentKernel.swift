import Agents

/// The per-citizen work of one tick of the dissent model, over one chunk of citizens.
///
/// Reads tick t's signal words of each citizen's ties once, decides tick t+1, applies recording,
/// score change and detention, and tallies the chunk. Holds raw pointers into the run's columns;
/// workers call it on disjoint citizen ranges.
struct DissentKernel: @unchecked Sendable {
    let rules: DissentTickRules
    let hardship: UnsafeMutablePointer<Float>
    let riskAversion: UnsafeMutablePointer<Float>
    let threshold: UnsafeMutablePointer<Float>
    let offsets: UnsafeMutablePointer<Int>
    let targets: UnsafeMutablePointer<UInt32>
    let current: UnsafeMutablePointer<UInt32>
    let next: UnsafeMutablePointer<UInt32>
    let score: UnsafeMutablePointer<Int32>
    let detentionLeft: UnsafeMutablePointer<UInt16>
    let detectionTable: UnsafeMutablePointer<Float>
    let detectionTableSize: Int
    let histograms: UnsafeMutablePointer<UInt64>
    let bins: Int
    let generators: WorkerGenerators

    init(
        rules: DissentTickRules, population: Population, graph: SocialGraph, state: SocietyState,
        detectionTable: Column<Float>, histograms: Column<UInt64>, bins: Int, generators: WorkerGenerators
    ) {
        self.rules = rules
        hardship = population.column(.hardship).base
        riskAversion = population.column(.riskAversion).base
        threshold = population.column(.threshold).base
        offsets = graph.offsets.base
        targets = graph.targets.base
        current = state.current.base
        next = state.next.base
        score = state.score.base
        detentionLeft = state.detentionLeft.base
        self.detectionTable = detectionTable.base
        detectionTableSize = detectionTable.count
        self.histograms = histograms.base
        self.bins = bins
        self.generators = generators
    }

    /// Computes tick t+1 for `citizens` and returns their tally; `worker` selects scratch space.
    func run(citizens: Range<Int>, worker: Int) -> ChunkTally {
        var tally = ChunkTally()
        let histogram = histograms + worker * bins
        let stakePerStep = 1 / Float(max(rules.scoreSteps, 1))
        for citizen in citizens {
            let previousSteps = score[citizen]
            var steps = recovered(previousSteps)
            defer {
                if steps != previousSteps { score[citizen] = steps }
                histogram[Int(steps)] &+= 1
            }
            if detentionLeft[citizen] > 0 {
                detentionLeft[citizen] -= 1
                next[citizen] = 0
                tally.detained += 1
                continue
            }
            var active = 0
            var dissenting = 0
            for slot in offsets[citizen]..<offsets[citizen + 1] {
                let word = current[Int(targets[slot])]
                active &+= Int((word & SignalWord.present) >> 1)
                dissenting &+= Int(word & SignalWord.expressedDissent)
            }
            let share = DissentRule.dissentingShare(dissenting: dissenting, active: active)
            let privateThreshold = DissentRule.privateThreshold(
                threshold: threshold[citizen],
                grievance: DissentRule.grievance(hardship: hardship[citizen], legitimacy: rules.legitimacy))
            var word = SignalWord.present
            if DissentRule.expresses(share: share, threshold: privateThreshold) {
                tally.privateDissent += 1
                let detection =
                    dissenting < detectionTableSize
                    ? detectionTable[dissenting]
                    : DissentRule.detectionProbability(
                        coverage: rules.coverage, k: rules.deterrence, dissentingTies: dissenting)
                let effectiveThreshold = DissentRule.threshold(
                    privateThreshold: privateThreshold, riskAversion: riskAversion[citizen], detection: detection,
                    stake: Float(steps) * stakePerStep, severity: rules.severity)
                if DissentRule.expresses(share: share, threshold: effectiveThreshold) {
                    word |= SignalWord.expressedDissent
                    tally.expressed += 1
                    if detection > 0 {
                        record(citizen: citizen, detection: detection, steps: &steps, tally: &tally, worker: worker)
                    }
                }
            }
            next[citizen] = word
        }
        return tally
    }

    /// Moves a score `recoverySteps` toward the initial score, without overshooting.
    @inline(__always)
    private func recovered(_ steps: Int32) -> Int32 {
        guard rules.recoverySteps > 0 else { return steps }
        if steps < rules.initialSteps { return min(steps + rules.recoverySteps, rules.initialSteps) }
        if steps > rules.initialSteps { return max(steps - rules.recoverySteps, rules.initialSteps) }
        return steps
    }

    /// Surveillance records an expressed dissent with probability `detection`; a record costs
    /// points and may start a detention.
    private func record(citizen: Int, detection: Float, steps: inout Int32, tally: inout ChunkTally, worker: Int) {
        var stream = RandomStream(
            seed: rules.seed, entity: UInt32(citizen), tick: rules.nextTick, purpose: .dissentDetection)
        guard stream.nextUniform() < Double(detection) else { return }
        tally.recorded += 1
        steps = min(max(steps + rules.dissentPenaltySteps, 0), rules.scoreSteps)
        guard rules.detentionProbability > 0, stream.nextUniform() < rules.detentionProbability else { return }
        let generator = generators[worker]
        generator.reset(seed: rules.seed, entity: UInt32(citizen), tick: rules.nextTick, purpose: .detentionLength)
        let length = rules.detentionTicks.sample(generator).rounded()
        detentionLeft[citizen] = UInt16(clamping: Int(max(1, min(length, Double(UInt16.max)))))
        tally.newDetentions += 1
    }
}
