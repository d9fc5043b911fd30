import Agents

/// One run of a scenario: the population, its ties and its state, advanced one synchronous tick
/// at a time.
///
/// Every tick reads the signal words of tick t and writes tick t+1 over fixed-size chunks of
/// citizens (``SocietyKernel``); each chunk's counts are integers combined in chunk order, and
/// score statistics come from an integer histogram (``MetricsRecorder``), so results do not depend
/// on the number of threads. All buffers are allocated here, once; a tick allocates nothing but
/// its row of metrics.
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
    private let recorder: MetricsRecorder
    private let kernelRun: SocietyKernel.Run

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
        precondition(parallel.chunkSize % KernelScratch.blockSize == 0, "chunks must be whole blocks")
        recorder = MetricsRecorder(scenario: scenario, population: n, parallel: parallel)
        let workers = parallel.workerCount
        kernelRun = SocietyKernel.Run(
            population: population, graph: graph, state: state,
            logMeans: LogMeansCache(
                population, needed: !scenario.behaviours.isEmpty || rules.trips.simulated,
                tripElasticity: rules.trips.simulated ? Float(scenario.trips.meansElasticity) : nil, parallel: parallel),
            detectionTable: DissentMechanism.detectionTable(rules.dissent),
            policing: PolicingMechanism(PolicingMechanism.Constants(scenario: scenario, population: n)),
            detentionTicks: scenario.regime.detention.ticks, generators: WorkerGenerators(count: workers),
            histograms: recorder.histograms,
            scratch: KernelScratch(
                workers: workers, behaviourGroups: rules.conduct.groupCount,
                drawLayout: BlockDraws.Layout(rules: rules), graph: graph),
            conductScratch: ConductMechanism.Scratch(workers: workers),
            ratingScratch: RatingMechanism.Scratch(workers: workers))
        InitialListings.apply(scenario: scenario, rules: rules, state: state)
        recorder.countInitialScores(state)
        updatePerkThresholds()
    }

    /// Bytes held by the run's buffers (population, graph, state, scratch and metrics).
    public var byteCount: Int {
        population.byteCount + graph.byteCount + state.byteCount + recorder.byteCount + kernelRun.byteCount
    }

    /// The columns of this run's metrics.
    public var layout: MetricsLayout { recorder.layout }

    /// Advances one tick and returns its metrics.
    public func step() -> TickMetrics {
        let inputs = TickInputs(next: UInt32(tick + 1), legitimacy: Float(scenario.legitimacy.value(at: tick + 1)))
        recorder.beginTick()
        let kernel = SocietyKernel(rules: rules, tick: inputs, run: kernelRun)
        let tallies = recorder.tallies
        parallel.forEachChunk { worker, chunk, citizens in
            tallies[chunk] = kernel.run(citizens: citizens, worker: worker)
        }
        state.swapBuffers()
        tick += 1
        kernelRun.policing.update(tick: tick, words: state.current)
        assert(invariantViolations().isEmpty, "tick \(tick): \(invariantViolations())")
        recorder.mergeHistograms()
        updatePerkThresholds()
        return recorder.record(
            tick: tick, legitimacy: scenario.legitimacy.value(at: tick), state: state,
            perkMinimumSteps: Array(UnsafeBufferPointer(start: rules.perks.minimumSteps, count: rules.perks.count)))
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

    /// The invariants of the state (``StateInvariants``) that do not hold after the last tick, one
    /// line each (at most 10); empty when all hold. Debug builds check them after every tick.
    func invariantViolations() -> [String] {
        StateInvariants(state: state, graph: graph, rules: rules).violations()
    }

    /// Sets each perk's minimum score from the current histogram.
    private func updatePerkThresholds() {
        rules.perks.updateMinimumSteps(
            histogram: UnsafeBufferPointer(recorder.histogram.buffer), population: population.count)
    }
}
