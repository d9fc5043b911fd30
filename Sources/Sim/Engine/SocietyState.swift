/// The changing state of every citizen, in columns allocated once per run.
///
/// Ticks are synchronous: ``signals`` is double-buffered, every rule reads the words of tick t and
/// writes those of tick t+1. Columns only their own citizen reads (score, detention) are updated
/// in place by that citizen's worker.
public final class SocietyState: @unchecked Sendable {
    /// Number of citizens.
    public let count: Int
    /// Signal words of tick t (`current`) and t+1 (`next`); swapped after every tick.
    public private(set) var current: Column<UInt32>
    public private(set) var next: Column<UInt32>
    /// Score in grid steps above `score.min` (see ``ScoreRules``).
    public let score: Column<Int32>
    /// Ticks of detention still to serve: the citizen is absent from that many future ticks.
    public let detentionLeft: Column<UInt16>

    /// Everyone present, quiet and at `initialScore` steps.
    public init(count: Int, initialScore: Int32) {
        self.count = count
        current = Column(count: count, repeating: SignalWord.present)
        next = Column(count: count, repeating: SignalWord.present)
        score = Column(count: count, repeating: initialScore)
        detentionLeft = Column(count: count, repeating: 0)
    }

    /// Makes tick t+1's words current.
    public func swapBuffers() {
        swap(&current, &next)
    }

    /// Bytes held by the state columns.
    public var byteCount: Int {
        current.byteCount + next.byteCount + score.byteCount + detentionLeft.byteCount
    }
}
