import Foundation
import Sim

/// Progress on stderr (ticks/s and ETA), only when stderr is a terminal and not `--quiet`.
final class ProgressDisplay {
    private let enabled: Bool
    private var started = Date()
    private var lastDrawn = Date.distantPast
    private var drewSomething = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Redraws the progress line, at most ten times a second.
    func update(_ stage: Runner.Stage) {
        guard enabled else { return }
        let now = Date()
        switch stage {
        case .preparing:
            draw("building population and graph...")
            started = now
        case .ticking(let tick, let ticks):
            guard now.timeIntervalSince(lastDrawn) >= 0.1 || tick == ticks else { return }
            let elapsed = now.timeIntervalSince(started)
            let rate = Double(tick) / max(elapsed, 1e-9)
            let eta = Double(ticks - tick) / max(rate, 1e-9)
            draw(String(format: "tick %d/%d  %.1f ticks/s  ETA %.0f s", tick, ticks, rate, eta))
        }
        lastDrawn = now
    }

    /// Ends the progress line.
    func finish() {
        guard enabled, drewSomething else { return }
        FileHandle.standardError.write("\n")
    }

    private func draw(_ line: String) {
        drewSomething = true
        FileHandle.standardError.write("\r\u{1B}[K" + line)
    }
}
