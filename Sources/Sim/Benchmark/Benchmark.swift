import Foundation

/// Throughput and memory of the dissent model at a given population, measured in-process.
///
/// For each size it builds the graph (households plus small-world ties, mean degree about 16) and
/// a population, then times `ticks` ticks of the dissent model with surveillance and detention on,
/// and the same number of passes of the bare ``NeighbourGather`` kernel on the same graph, at
/// each thread count. Peak memory is the process's resident-set high-water mark, reset before
/// each size, minus the resident set before building.
public enum Benchmark {
    /// One measurement.
    public struct Result: Sendable {
        public var citizens: Int
        public var threads: Int
        /// Seconds to build population and graph.
        public var buildSeconds: Double
        /// Mean degree of the graph.
        public var meanDegree: Double
        /// Nanoseconds per citizen per tick of the dissent model.
        public var tickNanoseconds: Double
        /// Nanoseconds per citizen of one pass of the bare gather kernel.
        public var gatherNanoseconds: Double
        /// Peak resident bytes added by the run, per citizen.
        public var peakBytesPerCitizen: Double
        /// Bytes of the run's own buffers, per citizen.
        public var bufferBytesPerCitizen: Double
    }

    /// The scenario benchmarked: households + small-world (k = 16), legitimacy 0.5, dissent
    /// coverage 0.5, detention probability 0.2.
    public static func scenario(citizens: Int) -> Scenario {
        var scenario = Scenario(name: "bench", seed: 1, ticks: 10)
        scenario.population.size = citizens
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 16, rewire: 0.1)
        scenario.legitimacy.value = 0.5
        scenario.regime.surveillance.dissent.coverage = 0.5
        scenario.regime.detention.probability = 0.2
        return scenario
    }

    /// Measures `citizens` at each of `threadCounts`, `ticks` timed ticks each.
    public static func measure(citizens: Int, threadCounts: [Int], ticks: Int) throws -> [Result] {
        let residentBefore = ResidentMemory.resetPeak()
        let scenario = scenario(citizens: citizens)
        let buildStart = DispatchTime.now()
        let world = try World.build(scenario, threads: threadCounts.max() ?? 1)
        let buildSeconds = seconds(since: buildStart)
        var results: [Result] = []
        for threads in threadCounts {
            let simulation = Simulation(
                scenario: scenario, population: world.population, graph: world.graph, threads: threads)
            _ = simulation.step()
            let tickStart = DispatchTime.now()
            for _ in 0..<ticks { _ = simulation.step() }
            let tickSeconds = seconds(since: tickStart)

            let sums = Column<UInt32>(count: citizens, repeating: 0)
            let gather = NeighbourGather(graph: world.graph, words: simulation.state.current, sums: sums)
            let parallel = ChunkedParallel(count: citizens, threads: threads)
            parallel.forEachChunk { _, _, range in gather.run(citizens: range) }
            let gatherStart = DispatchTime.now()
            for _ in 0..<ticks {
                parallel.forEachChunk { _, _, range in gather.run(citizens: range) }
            }
            let gatherSeconds = seconds(since: gatherStart)
            let peak = ResidentMemory.peak()
            let perTick = 1e9 / Double(ticks * citizens)
            results.append(
                Result(
                    citizens: citizens, threads: threads, buildSeconds: buildSeconds,
                    meanDegree: Double(world.graph.slotCount) / Double(citizens),
                    tickNanoseconds: tickSeconds * perTick, gatherNanoseconds: gatherSeconds * perTick,
                    peakBytesPerCitizen: Double(peak - residentBefore) / Double(citizens),
                    bufferBytesPerCitizen: Double(simulation.byteCount) / Double(citizens)))
        }
        return results
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
