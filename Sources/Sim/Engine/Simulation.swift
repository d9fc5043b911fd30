import Agents

/// One run of a scenario: the population, its ties and its state, advanced one synchronous tick
/// at a time.
///
/// Every tick reads the signal words of tick t and writes tick t+1 over fixed-size chunks of
/// citizens; each chunk's tallies are integers combined in chunk order, and score statistics come
/// from an integer histogram, so results do not depend on the number of threads. All buffers are
/// allocated here, once; a tick allocates nothing.
public final class Simulation {
    /// The resolved scenario being run.
    public let scenario: Scenario
    /// The citizens' traits.
    public let population: Population
    /// Who is tied to whom (citizens may re-point their own slots during the run).
    public let graph: SocialGraph
    /// The changing state.
    public let state: SocietyState
    /// The last completed tick (0 before the first step).
    public private(set) var tick = 0

    private let tables = ConstantTables()
    private let rules: RunConstants
    private let parallel: ChunkedParallel
    private let tallies: Column<ChunkTally>
    private let degreeTallies: Column<DegreeTally>
    private let histograms: Column<UInt64>
    private let histogram: Column<UInt64>
    private let kernelRun: SocietyKernel.Run
    private let rankSample: [Int]
    private let sampleRanks: Column<Double>
    private let citizensBelow: Column<UInt64>

    /// Citizens in the fixed sample whose ranks measure rank volatility.
    static let rankSampleSize = 1000

    /// Sets up a run of `scenario` on `population` and `graph` with at most `threads` workers,
    /// its vector kernels running at `vectorLevel` (at most ``VectorLevel/best``; outputs are the
    /// same at every level).
    public init(
        scenario: Scenario, population: Population, graph: SocialGraph, threads: Int,
        vectorLevel: VectorLevel = .best
    ) {
        precondition(vectorLevel <= .best, "\(vectorLevel) is not supported by this CPU")
        precondition(population.count == graph.citizenCount, "population and graph sizes differ")
        self.scenario = scenario
        self.population = population
        self.graph = graph
        rules = RunConstants(scenario: scenario, tables: tables, vectorLevel: vectorLevel)
        let score = scenario.regime.score
        let n = population.count
        state = SocietyState(
            count: n, initialScore: score.steps(score.initial),
            initialFraction: rules.score.scoreFraction(score.steps(score.initial)),
            sanctions: scenario.regime.sanctions.count, graph: graph)
        parallel = ChunkedParallel(count: n, threads: threads)
        tallies = Column(count: parallel.chunkCount, repeating: ChunkTally())
        degreeTallies = Column(count: parallel.chunkCount, repeating: DegreeTally())
        histograms = Column(count: parallel.workerCount * (score.stepCount + 1), repeating: 0)
        histogram = Column(count: score.stepCount + 1, repeating: 0)
        precondition(parallel.chunkSize % KernelScratch.blockSize == 0, "chunks must be whole blocks")
        let workers = parallel.workerCount
        kernelRun = SocietyKernel.Run(
            population: population, graph: graph, state: state,
            logMeans: LogMeansCache(population, needed: !scenario.behaviours.isEmpty, parallel: parallel),
            detectionTable: DissentMechanism.detectionTable(rules.dissent),
            detentionTicks: scenario.regime.detention.ticks, generators: WorkerGenerators(count: workers),
            histograms: histograms, bins: histogram.count,
            scratch: KernelScratch(
                workers: workers, behaviourGroups: rules.conduct.groupCount,
                drawLayout: BlockDraws.Layout(rules: rules),
                graph: graph),
            conductScratch: ConductMechanism.Scratch(workers: workers),
            ratingScratch: RatingMechanism.Scratch(workers: workers))
        let sampleSize = min(n, Simulation.rankSampleSize)
        rankSample = (0..<sampleSize).map { $0 * n / sampleSize }
        sampleRanks = Column(count: sampleSize, repeating: 0)
        citizensBelow = Column(count: score.stepCount + 1, repeating: 0)
        InitialListings.apply(scenario: scenario, rules: rules, state: state)
        for citizen in 0..<n { histogram[Int(state.score[citizen])] &+= 1 }
        updatePerkThresholds()
    }

    /// Bytes held by the run's buffers (population, graph, state and scratch).
    public var byteCount: Int {
        population.byteCount + graph.byteCount + state.byteCount + tallies.byteCount + degreeTallies.byteCount
            + histograms.byteCount + histogram.byteCount + sampleRanks.byteCount + citizensBelow.byteCount
            + kernelRun.byteCount
    }

    /// Advances one tick and returns its metrics.
    public func step() -> TickMetrics {
        let inputs = TickInputs(next: UInt32(tick + 1), legitimacy: Float(scenario.legitimacy.value(at: tick + 1)))
        histograms.fill(0)
        let kernel = SocietyKernel(rules: rules, tick: inputs, run: kernelRun)
        let tallies = self.tallies
        parallel.forEachChunk { worker, chunk, citizens in
            tallies[chunk] = kernel.run(citizens: citizens, worker: worker)
        }
        state.swapBuffers()
        tick += 1
        mergeHistograms()
        updatePerkThresholds()
        return metrics()
    }

    /// Runs the remaining ticks of the scenario, calling `progress` after each, and returns every
    /// tick's metrics in order.
    public func run(progress: (_ tick: Int) -> Void = { _ in }) -> [TickMetrics] {
        var rows: [TickMetrics] = []
        rows.reserveCapacity(scenario.ticks - tick)
        while tick < scenario.ticks {
            rows.append(step())
            progress(tick)
        }
        return rows
    }

    private func mergeHistograms() {
        histogram.fill(0)
        let bins = histogram.count
        for worker in 0..<parallel.workerCount {
            let offset = worker * bins
            for bin in 0..<bins {
                histogram[bin] &+= histograms[offset + bin]
            }
        }
    }

    /// Sets each perk's minimum score from the current histogram.
    private func updatePerkThresholds() {
        rules.perks.updateMinimumSteps(histogram: UnsafeBufferPointer(histogram.buffer), population: population.count)
    }

    private func metrics() -> TickMetrics {
        var total = ChunkTally()
        for chunk in 0..<tallies.count {
            total.add(tallies[chunk])
        }
        let degrees = degreeMetrics()
        let rules = scenario.regime.score
        let n = population.count
        let share = { (count: Int) in Double(count) / Double(n) }
        let counts = UnsafeBufferPointer(histogram.buffer)
        let present = n - total.detained
        return TickMetrics(
            tick: tick, population: n, legitimacy: scenario.legitimacy.value(at: tick),
            expressedDissent: share(total.expressed), privateDissent: share(total.privateDissent),
            falsificationGap: share(total.privateDissent - total.expressed), detained: share(total.detained),
            recordedDissent: total.recordedDissent, newDetentions: total.newDetentions,
            score: ScoreSummary(counts: counts, rules: rules),
            complianceRate: present == 0 ? 1 : Double(total.compliant) / Double(present),
            virtueActsPerCapita: share(total.virtueActs), wrongfulRecords: total.wrongfulRecords,
            newListings: total.newListings, delistings: total.delistings, wrongfulSanctions: total.wrongfulSanctions,
            flightBans: total.flightBans, railBans: total.railBans, schoolRestricted: total.schoolRestricted,
            dissenterInDegreeRatio: degrees.ratio, pariahs: degrees.pariahs, tiesCut: total.tiesCut,
            newTies: total.newTies, rankVolatility: rankVolatility(), topDecileShare: topDecileShare(),
            meanRating: total.ratings == 0 ? 0 : Double(total.ratingSum) / Double(total.ratings),
            fiveStarShare: total.ratings == 0 ? 0 : Double(total.fiveStarRatings) / Double(total.ratings),
            gradeShares: gradeShares(),
            sanctionCounts: (0..<scenario.regime.sanctions.count).map { Int(total.listed[$0]) },
            perkCounts: perkCounts(), actCounts: (0..<scenario.behaviours.count).map { Int(total.acts[$0]) })
    }

    /// In-degrees of private dissenters and of everyone else, after this tick's re-pointing.
    private func degreeMetrics() -> (ratio: Double, pariahs: Int) {
        let words = state.current
        let inDegree = state.inDegree
        let degreeTallies = self.degreeTallies
        parallel.forEachChunk { _, chunk, citizens in
            var tally = DegreeTally()
            for citizen in citizens {
                let degree = Int(inDegree[citizen])
                if degree == 0 { tally.pariahs += 1 }
                if words[citizen] & SignalWord.privateDissent != 0 {
                    tally.privateDissenters += 1
                    tally.privateDissenterInDegree += degree
                } else {
                    tally.others += 1
                    tally.othersInDegree += degree
                }
            }
            degreeTallies[chunk] = tally
        }
        var total = DegreeTally()
        for chunk in 0..<degreeTallies.count { total.add(degreeTallies[chunk]) }
        guard total.privateDissenters > 0, total.others > 0, total.othersInDegree > 0 else { return (1, total.pariahs) }
        let dissenters = Double(total.privateDissenterInDegree) / Double(total.privateDissenters)
        let others = Double(total.othersInDegree) / Double(total.others)
        return (dissenters / others, total.pariahs)
    }

    /// Mean |Δ percentile rank| over the fixed sample; percentile rank = share with a lower score.
    private func rankVolatility() -> Double {
        guard !rankSample.isEmpty else { return 0 }
        var running: UInt64 = 0
        for bin in 0..<histogram.count {
            citizensBelow[bin] = running
            running += histogram[bin]
        }
        let n = Double(population.count)
        var change = 0.0
        for (index, citizen) in rankSample.enumerated() {
            let rank = Double(citizensBelow[Int(state.score[citizen])]) / n
            change += abs(rank - sampleRanks[index])
            sampleRanks[index] = rank
        }
        return change / Double(rankSample.count)
    }

    /// Share of all score points held by the top ⌈N/10⌉ citizens.
    private func topDecileShare() -> Double {
        let rules = scenario.regime.score
        var remaining = UInt64((Double(population.count) / 10).rounded(.up))
        var top = 0.0
        var total = 0.0
        for bin in stride(from: histogram.count - 1, through: 0, by: -1) where histogram[bin] > 0 {
            let value = rules.points(atSteps: Int32(bin))
            total += Double(histogram[bin]) * value
            let taken = min(remaining, histogram[bin])
            top += Double(taken) * value
            remaining -= taken
        }
        return total > 0 ? top / total : 0
    }

    private func gradeShares() -> [Double] {
        let rules = scenario.regime.score
        let grades = rules.grades
        var counts = [UInt64](repeating: 0, count: grades.count)
        for bin in 0..<histogram.count where histogram[bin] > 0 {
            let value = rules.points(atSteps: Int32(bin))
            if let band = grades.lastIndex(where: { value >= $0.minimum }) { counts[band] += histogram[bin] }
        }
        return counts.map { Double($0) / Double(population.count) }
    }

    private func perkCounts() -> [Int] {
        (0..<rules.perks.count).map { index in
            var holders: UInt64 = 0
            for bin in max(0, min(Int(rules.perks.minimumSteps[index]), histogram.count))..<histogram.count {
                holders += histogram[bin]
            }
            return Int(holders)
        }
    }
}
