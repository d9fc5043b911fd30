import Agents
import Foundation
import Sim

/// Throughput and memory of the model at a given population, measured in-process.
///
/// For each size it builds the graph (households plus small-world ties, mean degree about 16) and
/// a population once, then, at each thread count, alternates `ticks` ticks of each model variant
/// with as many passes of the bare ``NeighbourGather`` kernel on the same graph, and keeps the
/// fastest tick and the fastest pass: on a shared machine, interference only ever adds time, so
/// the minimum of alternating runs is the steadiest estimate of each and of their ratio. Peak
/// memory is the process's resident-set high-water mark, reset before building, minus the
/// resident set before building.
public enum Benchmark {
    /// What is switched on.
    public enum Model: String, Sendable, CaseIterable {
        /// The dissent model with surveillance of dissent and detention.
        case dissent
        /// Every mechanism: behaviours on every channel with misidentification, guilt by
        /// association, grades, three sanctions (one permanent, one following another), a rank
        /// perk with dating boost and a threshold perk, peer rating, public scores with tie cutting.
        case full
    }

    /// One measurement.
    public struct Result: Sendable {
        public var model: Model
        public var citizens: Int
        public var threads: Int
        /// Seconds to build population and graph.
        public var buildSeconds: Double
        /// Mean degree of the graph.
        public var meanDegree: Double
        /// Nanoseconds per citizen of the fastest timed tick of the model.
        public var tickNanoseconds: Double
        /// Nanoseconds per citizen of the fastest timed pass of the bare gather kernel.
        public var gatherNanoseconds: Double
        /// Peak resident bytes added since before building, per citizen (all models so far).
        public var peakBytesPerCitizen: Double
        /// Bytes of the run's own buffers, per citizen.
        public var bufferBytesPerCitizen: Double
    }

    /// The scenario benchmarked for `model`.
    public static func scenario(_ model: Model, citizens: Int) -> Scenario {
        var scenario = Scenario(name: "bench-\(model.rawValue)", seed: 1, ticks: 10)
        scenario.population.size = citizens
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 16, rewire: 0.1)
        scenario.legitimacy.value = 0.5
        scenario.regime.surveillance.dissent.coverage = 0.5
        scenario.regime.detention.probability = 0.2
        guard model == .full else {
            scenario.behaviours = []
            return scenario
        }
        for channel in Surveillance.ChannelName.allCases where channel != .dissent {
            scenario.regime.surveillance[channel] = .init(coverage: 0.6, misidentification: 0.0005)
        }
        scenario.regime.surveillance.dissent.misidentification = 0.0001
        scenario.regime.score.recovery = 0.5
        scenario.regime.score.association = Association(pull: 0.02, familyWeight: 2, listedTiePenalty: 1)
        scenario.regime.score.grades = [
            Grade(name: "D", minimum: 0), Grade(name: "C", minimum: 600), Grade(name: "B", minimum: 850),
            Grade(name: "A", minimum: 960),
        ]
        scenario.regime.sanctions = [
            Sanction(
                name: "blacklist", trigger: .scoreBelow(900), duration: 30, liftAbove: 950,
                effects: [.loanBan, .jobBlock, .internetThrottle, .schoolRestriction]),
            Sanction(name: "travel", trigger: .listed("blacklist"), duration: 30, effects: [.flightBan, .railBan]),
            Sanction(name: "debtors", trigger: .record("unpaid_fine"), duration: nil),
        ]
        scenario.regime.perks = [
            Perk(name: "fast_lane", trigger: .topShare(0.1), effects: [.transportDiscount, .datingBoost]),
            Perk(name: "green_card", trigger: .scoreAbove(990), effects: [.hospitalPriority, .meansBonus]),
        ]
        scenario.regime.peerRating.enabled = true
        scenario.regime.visibility = Visibility(publicScores: true)
        return scenario
    }

    /// Measures `models` at `citizens` at each of `threadCounts`, `ticks` timed ticks each, with
    /// the vector kernels at `vectorLevel` (at most ``VectorLevel/best``).
    public static func measure(
        citizens: Int, models: [Model], threadCounts: [Int], ticks: Int, vectorLevel: VectorLevel = .best
    ) throws -> [Result] {
        let residentBefore = ResidentMemory.resetPeak()
        let buildStart = DispatchTime.now()
        let world = try World.build(scenario(.dissent, citizens: citizens), threads: threadCounts.max() ?? 1)
        let buildSeconds = seconds(since: buildStart)
        var results: [Result] = []
        for model in models {
            let scenario = scenario(model, citizens: citizens)
            for threads in threadCounts {
                let simulation = Simulation(
                    scenario: scenario, population: world.population, graph: world.graph, threads: threads,
                    vectorLevel: vectorLevel)
                let sums = Column<UInt32>(count: citizens, repeating: 0)
                let gather = NeighbourGather(graph: world.graph, words: simulation.state.current, sums: sums)
                let parallel = ChunkedParallel(count: citizens, threads: threads)
                _ = simulation.step()
                parallel.forEachChunk { _, _, range in gather.run(citizens: range) }
                var tickSeconds = Double.infinity
                var gatherSeconds = Double.infinity
                for _ in 0..<ticks {
                    let tickStart = DispatchTime.now()
                    _ = simulation.step()
                    tickSeconds = min(tickSeconds, seconds(since: tickStart))
                    let gatherStart = DispatchTime.now()
                    parallel.forEachChunk { _, _, range in gather.run(citizens: range) }
                    gatherSeconds = min(gatherSeconds, seconds(since: gatherStart))
                }
                let perCitizen = 1e9 / Double(citizens)
                results.append(
                    Result(
                        model: model, citizens: citizens, threads: threads, buildSeconds: buildSeconds,
                        meanDegree: Double(world.graph.slotCount) / Double(citizens),
                        tickNanoseconds: tickSeconds * perCitizen, gatherNanoseconds: gatherSeconds * perCitizen,
                        peakBytesPerCitizen: Double(ResidentMemory.peak() - residentBefore) / Double(citizens),
                        bufferBytesPerCitizen: Double(simulation.byteCount) / Double(citizens)))
            }
        }
        return results
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
