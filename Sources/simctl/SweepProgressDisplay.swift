import Foundation
import Sim

/// A sweep's progress on stderr (runs done, ETA), only when stderr is a terminal and not `--quiet`.
final class SweepProgressDisplay: Sendable {
    private let enabled: Bool
    private let started = Date()

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Redraws the progress line; called one call at a time.
    func update(_ progress: SweepRunner.Progress) {
        guard enabled else { return }
        let ran = progress.done - progress.skipped
        let left = progress.total - progress.done
        var line = "run \(progress.done)/\(progress.total)"
        if progress.skipped > 0 { line += " (\(progress.skipped) done before)" }
        if ran > 0 {
            let eta = Date().timeIntervalSince(started) / Double(ran) * Double(left)
            line += String(format: "  ETA %.0f s", eta)
        }
        FileHandle.standardError.write("\r\u{1B}[K" + line)
    }

    /// Ends the progress line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write("\n")
    }
}
