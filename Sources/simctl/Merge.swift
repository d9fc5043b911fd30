import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl merge`: join the folders of a sweep's shards.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the folders of a sweep's shards into the sweep.csv the unsharded sweep writes.",
            discussion: """
                Checks that the folders hold parts of the same sweep, that each finished, and that \
                together they hold every run exactly once.
                """)

        @Argument(help: "Shard folders (written by simctl sweep --shard k/n).")
        var folders: [String]

        @Option(help: "Output folder (default: results/NAME).")
        var out: String?

        func run() throws {
            try reportingErrors {
                let name = try SweepManifest.read(folder: folders[0])?.name
                let folder = out ?? "results/\(name ?? "sweep")"
                let manifest = try SweepMerge.merge(folders, into: folder)
                print("\(folder)/\(SweepRows.fileName): \(manifest.runs) runs from \(folders.count) shard folders")
            }
        }
    }
}
