import Agents
import ArgumentParser
import Foundation
import Sim
import SimBenchmark

extension Simctl {
    /// `simctl bench`: throughput and memory at growing population (use a release build).
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure ns per citizen-tick and bytes per citizen (build with -c release).",
            discussion: """
                For each population: builds households + small-world ties (mean degree ~16), then at \
                each thread count alternates ticks of each model (dissent: the dissent model; full: \
                every mechanism on) with passes of a bare neighbour-gather kernel on the same graph, \
                reports the fastest of each, and reads the peak resident memory.
                """)

        @Option(parsing: .upToNextOption, help: "Populations to measure.")
        var citizens: [Int] = [1_000_000, 10_000_000]

        @Option(parsing: .upToNextOption, help: "Thread counts to measure.")
        var threads: [Int] = [1, 2]

        @Option(help: "Timed ticks (and gather passes) per measurement; the fastest counts.")
        var ticks: Int = 10

        @Option(parsing: .upToNextOption, help: "Model variants to measure: dissent, full.")
        var models: [String] = Benchmark.Model.allCases.map(\.rawValue)

        @Option(
            help: ArgumentHelp(
                "Vector kernels to use: scalar, avx2 or avx512, at most what this CPU has (default: its best; outputs are the same).",
                valueName: "level"),
            transform: Self.vectorLevel(named:))
        var vectorLevel: VectorLevel = .best

        /// The level called `name`, if this CPU has it.
        private static func vectorLevel(named name: String) throws -> VectorLevel {
            guard let level = VectorLevel(name: name) else {
                throw ValidationError("unknown vector level '\(name)'; expected scalar, avx2 or avx512")
            }
            guard level <= .best else {
                throw ValidationError("--vector-level \(name): this CPU supports at most \(VectorLevel.best.name)")
            }
            return level
        }

        func run() throws {
            try reportingErrors {
                let models = try self.models.map { name in
                    guard let model = Benchmark.Model(rawValue: name) else {
                        throw CommandError("unknown model '\(name)'; expected dissent or full")
                    }
                    return model
                }
                print(
                    "model,citizens,threads,vector_level,mean_degree,build_s,tick_ns_per_citizen,gather_ns_per_citizen,tick_over_gather,speedup_vs_1_thread,peak_bytes_per_citizen,buffer_bytes_per_citizen"
                )
                for size in citizens {
                    let results = try Benchmark.measure(
                        citizens: size, models: models, threadCounts: threads, ticks: ticks, vectorLevel: vectorLevel)
                    for result in results {
                        let single = results.first { $0.model == result.model && $0.threads == 1 }
                        let speedup = single.map { $0.tickNanoseconds / result.tickNanoseconds } ?? .nan
                        print(
                            [
                                result.model.rawValue, String(result.citizens), String(result.threads),
                                vectorLevel.name,
                                fixed(result.meanDegree, 2),
                                fixed(result.buildSeconds, 2), fixed(result.tickNanoseconds, 2),
                                fixed(result.gatherNanoseconds, 2),
                                fixed(result.tickNanoseconds / result.gatherNanoseconds, 2), fixed(speedup, 2),
                                fixed(result.peakBytesPerCitizen, 1), fixed(result.bufferBytesPerCitizen, 1),
                            ].joined(separator: ","))
                    }
                }
            }
        }

        private func fixed(_ value: Double, _ digits: Int) -> String {
            String(format: "%.\(digits)f", value)
        }
    }
}
