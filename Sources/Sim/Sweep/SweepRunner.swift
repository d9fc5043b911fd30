import Foundation

/// Runs the runs of a sweep (or of one shard of it) into a sweep folder, several at a time,
/// resuming where an earlier, interrupted command stopped.
///
/// Each run builds its world and simulates in this process, exactly as `simctl run` would with the
/// run's scenario and seed; its `sweep.csv` line holds the last tick's row of the timeseries and
/// the peak of expressed dissent, and, when the sweep asks, its ticks go to
/// `sweep-timeseries.csv` (``SweepRows``). Both files are ``RowJournal``s; a run's time-series
/// block is written before its `sweep.csv` line. Runs already in both are skipped. Nothing a run
/// computes depends on `jobs`, `threads` or the order runs finish in. A whole sweep ends with its
/// statistics (``SweepStatistics``); a shard's are computed after `simctl merge`.
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
    /// up to `threads` worker threads each, then leaves `sweep.csv` and the time series sorted by
    /// run id and, for the whole sweep, writes its statistics. `progress` is called once before the
    /// first run and after each run, from any thread, one call at a time.
    public static func run(
        _ plan: SweepPlan, folder path: String, shard: SweepShard, jobs: Int, threads: Int,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) throws -> Progress {
        precondition(jobs >= 1 && threads >= 1, "at least one job and one thread")
        let folder = try SweepFolder.open(path: path, manifest: SweepManifest(plan: plan, shard: shard))
        let rows = SweepRows(plan: plan)
        let belongs = { (run: Int) in run < plan.runCount && shard.contains(run: run) }
        let log = try RowJournal.open(path: folder.file(SweepRows.fileName), header: rows.header) {
            belongs($0) ? 1 : nil
        }
        let series = try openTimeseries(plan, folder: folder, log: log, rows: rows, belongs: belongs)
        let pending = (0..<plan.runCount).filter {
            belongs($0) && (!log.contains(run: $0) || series?.contains(run: $0) == false)
        }
        let queue = WorkQueue(
            pending: pending, log: log, series: series, total: (0..<plan.runCount).filter(belongs).count,
            skipped: log.count, progress: progress)
        progress(queue.progress)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, pending.count) {
            group.enter()
            let thread = Thread {
                while let id = queue.next() {
                    let run = plan.run(id)
                    do {
                        let ticks = try Runner.simulate(plan.scenario(of: run), threads: threads).rows
                        let block = plan.file.timeseries == nil ? nil : rows.timeseries(of: run, ticks: ticks)
                        try queue.record(run: id, line: rows.row(of: run, ticks: ticks), series: block)
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
        try log.finish(into: log.path, gzip: false)
        if let series, let timeseries = plan.file.timeseries {
            try series.finish(into: folder.file(timeseries.fileName), gzip: timeseries.gzip)
            if series.path != folder.file(timeseries.fileName) {
                try? FileManager.default.removeItem(atPath: series.path)
            }
        }
        if shard == .whole { try SweepStatistics.write(folder: folder) }
        return queue.progress
    }

    /// The name of the time series' journal while a gzip-compressed sweep runs.
    static let compressedJournalName = ".sweep-timeseries.csv.journal"

    /// The journal that `plan`'s time series go to while the runs are not all done, or nil when
    /// the sweep writes no time series or its compressed file is already finished.
    private static func openTimeseries(
        _ plan: SweepPlan, folder: SweepFolder, log: RowJournal, rows: SweepRows, belongs: (Int) -> Bool
    ) throws(SweepError) -> RowJournal? {
        guard let timeseries = plan.file.timeseries else { return nil }
        let final = folder.file(timeseries.fileName)
        let path = timeseries.gzip ? folder.file(compressedJournalName) : final
        if timeseries.gzip, !FileManager.default.fileExists(atPath: path),
            FileManager.default.fileExists(atPath: final)
        {
            let runs = (0..<plan.runCount).filter(belongs).count
            guard log.count == runs else {
                throw SweepError(
                    path: final, message: "is finished but \(SweepRows.fileName) lacks runs: choose another --out")
            }
            return nil
        }
        return try RowJournal.open(path: path, header: rows.timeseriesHeader) { run in
            belongs(run) ? rows.timeseriesRowCount(of: plan.run(run)) : nil
        }
    }

    /// The runs still to do and the journals they go to, shared by the workers under a lock.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: ArraySlice<Int>
        private let log: RowJournal
        private let series: RowJournal?
        private let total: Int
        private let skipped: Int
        private let report: @Sendable (Progress) -> Void
        /// The first failure; once set, no new run starts.
        private(set) var error: Error?

        init(
            pending: [Int], log: RowJournal, series: RowJournal?, total: Int, skipped: Int,
            progress: @escaping @Sendable (Progress) -> Void
        ) {
            self.pending = pending[...]
            self.log = log
            self.series = series
            self.total = total
            self.skipped = skipped
            report = progress
        }

        var progress: Progress {
            Progress(done: log.count, skipped: skipped, total: total)
        }

        /// The next run to do, or nil when none is left or a run failed.
        func next() -> Int? {
            lock.withLock { error == nil ? pending.popFirst() : nil }
        }

        /// Appends run `run`'s time-series rows, then its `sweep.csv` line, each unless already
        /// there, and reports progress.
        func record(run: Int, line: Data, series block: Data?) throws {
            try lock.withLock {
                if let series, let block, !series.contains(run: run) { try series.append(block, run: run) }
                if !log.contains(run: run) { try log.append(line, run: run) }
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
