import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl sweep`: many runs of a scenario over axes of parameters, one `sweep.csv` row each.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a sweep file's runs in parallel and collect one sweep.csv row per run.",
            discussion: """
                SWEEP is a sweep file (a [sweep] table and [[axes]]; see docs/FORMATS.md). Every run's \
                scenario is checked before any run starts. Rows are appended to --out/sweep.csv as runs \
                finish; running the same command again after an interruption skips the finished runs, \
                and the finished sweep.csv is sorted by run_id, byte-identical whatever --jobs, \
                --threads or interruptions. With timeseries = true the runs' ticks go to \
                sweep-timeseries.csv too. A whole sweep ends with sweep-stats.csv (replicate means, \
                standard deviations and 95% intervals) and, under saltelli sampling, sobol.csv. \
                --shard k/n runs only the runs with run_id % n == k - 1 (default folder \
                results/NAME-shardKofN); `simctl merge` joins the shard folders.
                """)

        @Argument(help: "Sweep file.")
        var sweep: String

        @Option(help: "Runs at a time.")
        var jobs: Int = 1

        @Option(help: "Output folder (default: results/NAME, or results/NAME-shardKofN with --shard).")
        var out: String?

        @Option(help: ArgumentHelp("Run only part k of n of the runs (run_id % n == k - 1).", valueName: "k/n"))
        var shard: String?

        @Option(help: "Maximum worker threads per run (default: cores / jobs). Does not change outputs.")
        var threads: Int?

        @Flag(help: "No progress output.")
        var quiet = false

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            try reportingErrors {
                let shard = try shard.map { text throws in try SweepShard(parsing: text) } ?? .whole
                let plan = try SweepPlan.make(try SweepFile.load(path: sweep))
                try plan.checkInputs()
                let folder =
                    out ?? "results/\(plan.file.name)" + (shard == .whole ? "" : "-shard\(shard.index)of\(shard.count)")
                let threads = threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount / jobs)
                let display = SweepProgressDisplay(enabled: !quiet)
                let start = Date()
                let progress = try SweepRunner.run(
                    plan, folder: folder, shard: shard, jobs: jobs, threads: threads, progress: display.update)
                display.finish()
                if !quiet {
                    let seconds = (Date().timeIntervalSince(start) * 10).rounded() / 10
                    let resumed = progress.skipped > 0 ? " (\(progress.skipped) already done)" : ""
                    var files = ["\(SweepRows.fileName) (\(progress.total) rows)"]
                    if let timeseries = plan.file.timeseries { files.append(timeseries.fileName) }
                    if shard == .whole {
                        files.append(SweepStatistics.statsFileName)
                        if plan.saltelliDesign != nil { files.append(SweepStatistics.sobolFileName) }
                    }
                    FileHandle.standardError.write(
                        "simctl: \(progress.done - progress.skipped) runs in \(seconds) s\(resumed) -> "
                            + "\(folder)/: \(files.joined(separator: ", "))\n")
                }
            }
        }
    }
}
