import Agents

/// One run of a scenario: the population, its ties and its state, advanced one synchronous tick
/// at a time.
///
/// Every tick reads the signal words of tick t and writes tick t+1 over fixed-size chunks of
/// citizens; each chunk's tallies are combined in chunk order, so results do not depend on the
/// number of threads. All buffers are allocated here, once; a tick allocates nothing.
public final class Simulation {
    /// The resolved scenario being run.
    public let scenario: Scenario
    /// The citizens' traits.
    public let population: Population
    /// Who is tied to whom.
    public let graph: SocialGraph
    /// The changing state.
    public let state: SocietyState
    /// The last completed tick (0 before the first step).
    public private(set) var tick = 0

    private let parallel: ChunkedParallel
    private let tallies: Column<ChunkTally>
    private let histograms: Column<UInt64>
    private let histogram: Column<UInt64>
    private let detectionTable: Column<Float>
    private let generators: WorkerGenerators

    /// Sets up a run of `scenario` on `population` and `graph` with at most `threads` workers.
    public init(scenario: Scenario, population: Population, graph: SocialGraph, threads: Int) {
        precondition(population.count == graph.citizenCount, "population and graph sizes differ")
        self.scenario = scenario
        self.population = population
        self.graph = graph
        let rules = scenario.regime.score
        state = SocietyState(count: population.count, initialScore: rules.steps(rules.initial))
        parallel = ChunkedParallel(count: population.count, threads: threads)
        tallies = Column(count: parallel.chunkCount, repeating: ChunkTally())
        histograms = Column(count: parallel.workerCount * (rules.stepCount + 1), repeating: 0)
        histogram = Column(count: rules.stepCount + 1, repeating: 0)
        detectionTable = Column(count: Simulation.detectionTableSize, repeating: 0)
        generators = WorkerGenerators(count: parallel.workerCount)
    }

    /// Dissenting-tie counts up to this size use a per-tick table of detection probabilities.
    static let detectionTableSize = 1024

    /// Bytes held by the run's buffers (population, graph, state and scratch).
    public var byteCount: Int {
        population.byteCount + graph.byteCount + state.byteCount + tallies.byteCount + histograms.byteCount
            + histogram.byteCount + detectionTable.byteCount
    }

    /// Advances one tick and returns its metrics.
    public func step() -> TickMetrics {
        let rules = DissentTickRules(scenario: scenario, tick: tick)
        for dissenting in 0..<detectionTable.count {
            detectionTable[dissenting] = DissentRule.detectionProbability(
                coverage: rules.coverage, k: rules.deterrence, dissentingTies: dissenting)
        }
        histograms.fill(0)
        let kernel = DissentKernel(
            rules: rules, population: population, graph: graph, state: state, detectionTable: detectionTable,
            histograms: histograms, bins: histogram.count, generators: generators)
        let tallies = self.tallies
        parallel.forEachChunk { worker, chunk, citizens in
            tallies[chunk] = kernel.run(citizens: citizens, worker: worker)
        }
        state.swapBuffers()
        tick += 1
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

    private func metrics() -> TickMetrics {
        var total = ChunkTally()
        for chunk in 0..<tallies.count {
            total.add(tallies[chunk])
        }
        histogram.fill(0)
        let bins = histogram.count
        for worker in 0..<parallel.workerCount {
            let offset = worker * bins
            for bin in 0..<bins {
                histogram[bin] &+= histograms[offset + bin]
            }
        }
        let n = Double(population.count)
        return TickMetrics(
            tick: tick, population: population.count, legitimacy: scenario.legitimacy.value(at: tick),
            expressedDissent: Double(total.expressed) / n, privateDissent: Double(total.privateDissent) / n,
            falsificationGap: Double(total.privateDissent - total.expressed) / n, detained: Double(total.detained) / n,
            recordedDissent: total.recorded, newDetentions: total.newDetentions,
            score: ScoreSummary(counts: UnsafeBufferPointer(histogram.buffer), rules: scenario.regime.score))
    }
}

/// Per-chunk counts of one tick, summed in chunk order.
struct ChunkTally: BitwiseCopyable {
    var expressed = 0
    var privateDissent = 0
    var detained = 0
    var recorded = 0
    var newDetentions = 0

    mutating func add(_ other: ChunkTally) {
        expressed += other.expressed
        privateDissent += other.privateDissent
        detained += other.detained
        recorded += other.recorded
        newDetentions += other.newDetentions
    }
}

/// One GSL generator per worker, for the rare draws that need GSL's samplers.
final class WorkerGenerators: @unchecked Sendable {
    private let generators: [PhiloxGSLGenerator]

    init(count: Int) {
        generators = (0..<count).map { _ in PhiloxGSLGenerator() }
    }

    subscript(worker: Int) -> PhiloxGSLGenerator { generators[worker] }
}
