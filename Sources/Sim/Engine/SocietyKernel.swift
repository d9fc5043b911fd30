import Agents
import CVector

/// The per-citizen work of one tick over one chunk of citizens: every mechanism of the model,
/// composed in the order docs/ARCHITECTURE.md gives.
///
/// Citizens go in blocks of ``KernelScratch/blockSize``, each in passes over all its citizens:
/// what every citizen sees of its ties at t is gathered (``NeighbourhoodGather``); the block's
/// random blocks are computed (``BlockDraws``); every citizen's everyday acts are chosen
/// (``ConductMechanism``), its ratings received summed (``RatingMechanism``) and its trip tried
/// (``TripMechanism``); then each citizen takes its step: dissent, acts and their records,
/// ratings, association, tie cutting and dating, the score's clamp, lists, stigma. Each mechanism holds its own constants and raw
/// pointers into the run's columns; workers call the kernel on disjoint citizen ranges, and a
/// citizen only writes its own state, its own slots and (atomically) in-degrees.
struct SocietyKernel: @unchecked Sendable {
    let rules: RunConstants
    let tick: TickInputs
    let gather: NeighbourhoodGather
    let dissent: DissentMechanism
    let score: ScoreMechanism
    let conduct: ConductMechanism
    let records: RecordMechanism
    let sanctions: SanctionMechanism
    let ratings: RatingMechanism
    let ties: TieMechanism
    let trips: TripMechanism
    let offsets: UnsafePointer<Int>
    let targets: UnsafePointer<UInt32>
    let current: UnsafePointer<UInt32>
    let histograms: PerWorker<UInt64>
    let scratch: KernelScratch

    /// Where a tick's kernel finds the run's columns and per-run helpers.
    struct Run {
        let population: Population
        let graph: SocialGraph
        let state: SocietyState
        let logMeans: LogMeansCache
        let detectionTable: Column<Float>
        let policing: PolicingMechanism
        let detentionTicks: Distribution
        let generators: WorkerGenerators
        /// Per worker, citizens per score grid step (the ``MetricsRecorder``'s).
        let histograms: PerWorker<UInt64>
        let scratch: KernelScratch
        let conductScratch: ConductMechanism.Scratch
        let ratingScratch: RatingMechanism.Scratch

        /// Bytes held beyond the population, graph, state and histograms.
        var byteCount: Int {
            logMeans.byteCount + detectionTable.byteCount + policing.byteCount + scratch.byteCount
                + conductScratch.byteCount
                + ratingScratch.byteCount
        }
    }

    init(rules: RunConstants, tick: TickInputs, run: Run) {
        self.rules = rules
        self.tick = tick
        gather = NeighbourhoodGather(rules: rules, graph: run.graph, state: run.state)
        dissent = DissentMechanism(
            rules.dissent, tick: tick, population: run.population, state: run.state,
            detectionTable: run.detectionTable, policing: run.policing, detentionTicks: run.detentionTicks,
            generators: run.generators)
        score = ScoreMechanism(rules.score, state: run.state)
        conduct = ConductMechanism(
            rules.conduct, population: run.population, logMeans: run.logMeans, state: run.state,
            scratch: run.conductScratch)
        records = RecordMechanism(rules.records)
        sanctions = SanctionMechanism(rules.sanctions, state: run.state)
        ratings = RatingMechanism(
            rules.ratings, tick: tick, graph: run.graph, state: run.state, scratch: run.ratingScratch)
        ties = TieMechanism(
            rules.ties, perks: rules.perks, tick: tick, population: run.population, graph: run.graph, state: run.state)
        trips = TripMechanism(
            rules.trips, perks: rules.perks, sanctions: sanctions, logMeans: run.logMeans, state: run.state)
        offsets = UnsafePointer(run.graph.offsets.base)
        targets = UnsafePointer(run.graph.targets.base)
        current = UnsafePointer(run.state.current.base)
        histograms = run.histograms
        scratch = run.scratch
    }

    /// Computes tick t+1 for `citizens` and returns their tally; `worker` selects scratch space.
    func run(citizens: Range<Int>, worker: Int) -> ChunkTally {
        rules.runsRegime
            ? run(RegimeKernel.self, citizens: citizens, worker: worker)
            : run(DissentKernel.self, citizens: citizens, worker: worker)
    }

    /// ``run(citizens:worker:)`` specialised for `variant`.
    private func run<Variant: KernelVariant>(_ variant: Variant.Type, citizens: Range<Int>, worker: Int)
        -> ChunkTally
    {
        var tally = ChunkTally()
        let histogram = histograms[worker]
        let neighbourhoods = scratch.neighbourhoods(worker: worker)
        let counts = scratch.behaviourCounts(worker: worker)
        let words = scratch.words(worker: worker)
        let draws = scratch.draws(worker: worker)
        let chosenActs = conduct.scratch.acts[worker]
        let ratingsReceived = ratings.received(worker: worker)
        var blockStart = citizens.lowerBound
        while blockStart < citizens.upperBound {
            let block = blockStart..<min(blockStart + KernelScratch.blockSize, citizens.upperBound)
            // The block's tie words by slot, when the gather keeps them.
            let tieWords = UnsafePointer(words - offsets[block.lowerBound])
            if Variant.runsRegime && rules.sumsTies {
                gather.sum(block, words: words, into: neighbourhoods, behaviourCounts: counts)
            } else {
                gather.countDissent(block, into: neighbourhoods)
            }
            if Variant.runsRegime {
                draws.fill(citizens: block, tick: tick.next, level: rules.vectorLevel)
                if rules.conduct.behaviourCount > 0 {
                    conduct.choose(
                        block, worker: worker, neighbourhoods: neighbourhoods, counts: counts, draws: draws,
                        score: rules.score, sanctions: sanctions, perks: rules.perks, level: rules.vectorLevel)
                }
                if rules.ratings.enabled {
                    ratings.receive(
                        block, worker: worker, tieWords: tieWords, draws: draws, level: rules.vectorLevel,
                        tally: &tally)
                }
                // After the behaviour choice, which refreshes the means the trip weights come from.
                if rules.trips.simulated { trips.travel(block, draws: draws, tally: &tally) }
            }
            for citizen in block {
                let index = citizen - block.lowerBound
                // The next block's copy of tie words reads from random places: start those reads
                // now, a citizen at a time, so they overlap the step's arithmetic.
                let ahead = citizen + KernelScratch.blockSize
                if Variant.runsRegime && ahead < citizens.upperBound {
                    VectorKernels.prefetchTieWords(
                        current, targets: targets, slots: offsets[ahead]..<offsets[ahead + 1])
                }
                let steps = step(
                    variant, citizen, seen: neighbourhoods[index], chosenActs: chosenActs[index],
                    ratingsReceived: ratingsReceived, tieWords: tieWords, draws: draws, drawIndex: index,
                    worker: worker, tally: &tally)
                histogram[Int(steps)] &+= 1
            }
            blockStart = block.upperBound
        }
        return tally
    }

    /// Decides tick t+1 for `citizen`, who sees `seen`, chose `chosenActs` and received the
    /// block's `ratingsReceived` at its index; `tieWords[slot]` is the tick-t word of the tie in
    /// `slot` (kept only when ``RunConstants/sumsTies``) and `draws` holds the citizen's
    /// precomputed random blocks at `drawIndex`, its index in the block. Returns its score.
    @inline(__always)
    private func step<Variant: KernelVariant>(
        _ variant: Variant.Type, _ citizen: Int, seen: Neighbourhood, chosenActs: UInt32,
        ratingsReceived: UnsafePointer<Float>, tieWords: UnsafePointer<UInt32>, draws: BlockDraws, drawIndex: Int,
        worker: Int, tally: inout ChunkTally
    ) -> Int32 {
        let listCount = Variant.runsRegime ? rules.sanctions.count : 0
        let tracksTrueScore = listCount > 0
        var now = score.begin(
            citizen, tracksTrueScore: tracksTrueScore, listedMask: sanctions.listing(citizen, count: listCount))
        if !dissent.serveDetention(&now, tally: &tally) {
            let previousSteps = now.previousSteps
            dissent.decide(
                &now, seen: seen, listFactor: score.listFactor(now),
                hardshipFactor: {
                    Variant.runsRegime && rules.perks.relievesHardship
                        ? rules.perks.hardshipFactor(steps: previousSteps) : 1
                }, draws: draws, drawIndex: drawIndex, worker: worker, tally: &tally)
            if Variant.runsRegime {
                if rules.conduct.behaviourCount > 0 {
                    let done = conduct.act(&now, seen: seen, chosenActs: chosenActs, tally: &tally)
                    records.record(&now, done: done, draws: draws, drawIndex: drawIndex, tally: &tally)
                }
                if rules.ratings.enabled { ratings.apply(&now, received: ratingsReceived, index: drawIndex) }
                score.associate(&now, seen: seen)
                sanctions.countSchoolRestriction(seen: seen, tally: &tally)
                ties.cut(citizen, seen: seen, tieWords: tieWords, tally: &tally)
                ties.date(now, draws: draws, drawIndex: drawIndex, tally: &tally)
            }
            if !now.infraction { tally[.compliant] += 1 }
        }
        score.clamp(&now, tracksTrueScore: tracksTrueScore)
        if tracksTrueScore { sanctions.update(&now, tally: &tally) }
        dissent.keepRecord(now)
        if Variant.runsRegime && rules.tracksStigma { ties.markStigma(&now) }
        score.finish(now, tracksTrueScore: tracksTrueScore)
        return now.steps
    }
}
