import Foundation

/// Runs the runs of a sweep (or of one shard of it) into a sweep folder, several at a time,
/// resuming where an earlier, interrupted command stopped.
///
/// Each run builds its world and simulates in this process, exactly as `simctl run` would with the
/// run's scenario and seed; its `sweep.csv` line holds the last tick's row of the timeseries.
/// Runs already in the folder's `sweep.csv` are skipped. Nothing a run computes depends on
/// `jobs`, `threads` or the order runs finish in.
public enum SweepRunner {
    /// How far the folder's runs are.
    public struct Progress: Sendable {
        /// Runs of the folder done, those skipped included.
        public let done: Int
        /// Runs of the folder done by earlier commands and skipped.
        public let skipped: Int
        /// Runs in the folder (the shard's share of the sweep).
        public let total: Int
    }

    /// Runs every run of `shard` of `plan` not yet in the folder at `folder`, `jobs` at a time with
    /// up to `threads` worker threads each, then leaves `sweep.csv` sorted by run id. `progress`
    /// is called once before the first run and after each run, from any thread, one call at a time.
    public static func run(
        _ plan: SweepPlan, folder path: String, shard: SweepShard, jobs: Int, threads: Int,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) throws -> Progress {
        precondition(jobs >= 1 && threads >= 1, "at least one job and one thread")
        let folder = try SweepFolder.open(path: path, manifest: SweepManifest(plan: plan, shard: shard))
        let table = SweepTable(columns: plan.columns)
        let log = try SweepLog.open(folder: folder, table: table) { $0 < plan.runCount && shard.contains(run: $0) }
        let pending = (0..<plan.runCount).filter { shard.contains(run: $0) && log.lines[$0] == nil }
        let queue = WorkQueue(
            pending: pending, log: log, total: log.lines.count + pending.count, skipped: log.lines.count,
            progress: progress)
        progress(queue.progress)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, pending.count) {
            group.enter()
            let thread = Thread {
                while let id = queue.next() {
                    let run = plan.run(id)
                    do {
                        let metrics = try finalMetrics(of: plan.scenario(of: run), threads: threads)
                        let line = table.line(run: run, values: plan.points[run.point].values, metrics: metrics)
                        try queue.record(line, run: id)
                    } catch {
                        queue.fail(error, run: id)
                    }
                }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        if let error = queue.error { throw error }
        try log.finish()
        return queue.progress
    }

    /// The last tick's row of `scenario`'s timeseries, one cell per ``MetricsLayout`` column.
    public static func finalMetrics(of scenario: Scenario, threads: Int) throws -> [String] {
        let final = try Runner.simulate(scenario, threads: threads).rows.last!
        return final.layout.row(final)
    }

    /// The runs still to do and the log they go to, shared by the workers under a lock.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: ArraySlice<Int>
        private let log: SweepLog
        private let total: Int
        private let skipped: Int
        private let report: @Sendable (Progress) -> Void
        /// The first failure; once set, no new run starts.
        private(set) var error: Error?

        init(pending: [Int], log: SweepLog, total: Int, skipped: Int, progress: @escaping @Sendable (Progress) -> Void)
        {
            self.pending = pending[...]
            self.log = log
            self.total = total
            self.skipped = skipped
            report = progress
        }

        var progress: Progress {
            Progress(done: log.lines.count, skipped: skipped, total: total)
        }

        /// The next run to do, or nil when none is left or a run failed.
        func next() -> Int? {
            lock.withLock { error == nil ? pending.popFirst() : nil }
        }

        /// Appends run `run`'s line to the log and reports progress.
        func record(_ line: Data, run: Int) throws {
            try lock.withLock {
                try log.append(line, run: run)
                report(progress)
            }
        }

        /// Records that run `run` failed with `error`, unless an earlier failure was recorded.
        func fail(_ error: Error, run: Int) {
            lock.withLock {
                if self.error == nil { self.error = SweepError(path: "run \(run)", message: String(describing: error)) }
            }
        }
    }
}
