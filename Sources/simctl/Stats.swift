import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl stats`: recompute a finished sweep folder's statistics from its sweep.csv.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute a finished sweep's sweep-stats.csv (and sobol.csv) from its sweep.csv.",
            discussion: """
                simctl sweep writes these files when a whole sweep finishes and simctl merge when it joins \
                shards; this command writes them again from sweep.csv and sweep.json alone, without running \
                anything. See docs/FORMATS.md for their columns.
                """)

        @Argument(help: "A folder written by simctl sweep (unsharded) or simctl merge.")
        var sweepFolder: String

        func run() throws {
            try reportingErrors {
                guard let manifest = try SweepManifest.read(folder: sweepFolder) else {
                    throw SweepError(path: sweepFolder, message: "no \(SweepManifest.fileName): not a sweep folder")
                }
                let folder = try SweepFolder.open(path: sweepFolder, manifest: manifest)
                for file in try SweepStatistics.write(folder: folder) { print(file) }
            }
        }
    }
}
