/// Turns each tick's counts and scores into its row of metrics.
///
/// The kernel counts into one ``ChunkTally`` per chunk and scores into one histogram per worker;
/// after the tick the recorder sums the tallies in chunk order, merges the histograms, surveys
/// in-degrees and ranks, and reduces it all through the run's ``MetricsLayout``. Everything is an
/// integer until that reduction, so nothing depends on the number of threads.
final class MetricsRecorder: @unchecked Sendable {
    let layout: MetricsLayout
    /// One tally per chunk, written by the kernel.
    let tallies: Column<ChunkTally>
    /// Per worker, citizens per score grid step, written by the kernel.
    let histograms: PerWorker<UInt64>
    /// Grid steps of the score range, plus one.
    private let bins: Int
    /// The merged histogram of the last tick (or of the initial state).
    let histogram: Column<UInt64>
    private let scoreRules: ScoreRules
    private let workers: Int
    private let degrees: DegreeSurvey
    private let ranks: RankVolatility
    /// The counts of every tick recorded so far, summed.
    private var cumulative = ChunkTally()

    /// A recorder for `scenario` with `population` citizens in `parallel`'s chunks.
    init(scenario: Scenario, population: Int, parallel: ChunkedParallel) {
        layout = MetricsLayout(scenario: scenario, population: population)
        scoreRules = scenario.regime.score
        bins = scoreRules.stepCount + 1
        workers = parallel.workerCount
        tallies = Column(count: parallel.chunkCount, repeating: ChunkTally())
        histograms = PerWorker(workers: parallel.workerCount, regionSize: bins, repeating: 0)
        histogram = Column(count: bins, repeating: 0)
        degrees = DegreeSurvey(parallel: parallel)
        ranks = RankVolatility(population: population, bins: bins)
    }

    /// Bytes held.
    var byteCount: Int {
        tallies.byteCount + histograms.byteCount + histogram.byteCount + degrees.byteCount + ranks.byteCount
    }

    /// Counts `state`'s scores into the merged histogram, before the first tick.
    func countInitialScores(_ state: SocietyState) {
        histogram.fill(0)
        for citizen in 0..<state.count { histogram[Int(state.score[citizen])] &+= 1 }
    }

    /// Empties the per-worker histograms for a tick.
    func beginTick() {
        for worker in 0..<workers { histograms[worker].update(repeating: 0, count: bins) }
    }

    /// Merges the workers' histograms of the tick just made.
    func mergeHistograms() {
        histogram.fill(0)
        for worker in 0..<workers {
            let counts = histograms[worker]
            for bin in 0..<bins { histogram[bin] &+= counts[bin] }
        }
    }

    /// The metrics of tick `tick` (legitimacy `legitimacy`), from the tallies and merged histogram
    /// of the tick just made, `state` after it and each perk's minimum score at it.
    func record(tick: Int, legitimacy: Double, state: SocietyState, perkMinimumSteps: [Int32]) -> TickMetrics {
        var total = ChunkTally()
        for chunk in 0..<tallies.count { total.add(tallies[chunk]) }
        cumulative.add(total)
        let histogram = ScoreHistogram(
            counts: UnsafeBufferPointer(self.histogram.buffer), rules: scoreRules, population: state.count)
        let observation = TickObservation(
            tick: tick, population: state.count, legitimacy: legitimacy, tally: total, cumulative: cumulative,
            histogram: histogram,
            score: ScoreSummary(counts: histogram.counts, rules: scoreRules), degrees: degrees.survey(state),
            rankVolatility: ranks.measure(histogram: histogram, score: state.score),
            perkMinimumSteps: perkMinimumSteps)
        return TickMetrics(layout: layout, values: layout.values(observation))
    }
}
