import Atomics

/// The changing state of every citizen, in columns allocated once per run.
///
/// Ticks are synchronous: ``current`` and ``next`` double-buffer the signal words; every rule
/// reads tick t's words and writes tick t+1's. Columns only their own citizen reads (scores,
/// counters, lists) are updated in place by that citizen's worker. In-degrees change when other
/// citizens re-point their slots and are updated atomically (integer additions commute, so the
/// result is independent of timing).
public final class SocietyState: @unchecked Sendable {
    /// Number of citizens.
    public let count: Int
    /// Signal words of tick t (`current`) and t+1 (`next`); swapped after every tick.
    public private(set) var current: Column<UInt32>
    public private(set) var next: Column<UInt32>
    /// Score in grid steps above `score.min` (see ``ScoreRules``).
    public let score: Column<Int32>
    /// The score the citizen would have with only true records: what wrongful listings are judged by.
    public let trueScore: Column<Int32>
    /// Ticks of detention still to serve: the citizen is absent from that many future ticks.
    public let detentionLeft: Column<UInt16>
    /// Per-citizen flags (``Status``).
    public let status: Column<UInt8>
    /// Per sanction: ticks of listing left (0 = not listed, ``permanent`` = for good; a sanction
    /// that follows another list holds 1 while listed).
    public let sanctionLeft: [Column<UInt16>]
    /// The base pointers of ``sanctionLeft``, for the kernel.
    let sanctionColumns: Column<UnsafeMutablePointer<UInt16>>
    /// Per citizen, bit k set when its current listing on sanction k was wrongful.
    public let wrongfulListings: Column<UInt8>
    /// Slots pointing at each citizen.
    public let inDegree: Column<UInt32>

    /// The `sanctionLeft` value of a permanent listing.
    public static let permanent = UInt16.max

    /// Per-citizen flags in ``status``.
    public enum Status {
        /// The citizen's dissent has been recorded at least once.
        public static let dissentOnRecord: UInt8 = 1 << 0
    }

    /// Everyone present, quiet, unlisted and at `initialScore` steps (signal-word score fraction
    /// `initialFraction`), over `graph`.
    public init(count: Int, initialScore: Int32, initialFraction: UInt32, sanctions: Int, graph: SocialGraph) {
        self.count = count
        let word = SignalWord.present | initialFraction << SignalWord.scoreShift
        current = Column(count: count, repeating: word)
        next = Column(count: count, repeating: word)
        score = Column(count: count, repeating: initialScore)
        trueScore = Column(count: count, repeating: initialScore)
        detentionLeft = Column(count: count, repeating: 0)
        status = Column(count: count, repeating: 0)
        sanctionLeft = (0..<sanctions).map { _ in Column(count: count, repeating: 0) }
        sanctionColumns = Column(sanctionLeft.map(\.base))
        wrongfulListings = Column(count: count, repeating: 0)
        inDegree = Column(graph.inDegrees())
    }

    /// Makes tick t+1's words current.
    public func swapBuffers() {
        swap(&current, &next)
    }

    /// Atomically adds `delta` to citizen `citizen`'s entry of the in-degrees at `inDegree`.
    @inline(__always)
    static func addInDegree(_ delta: Int32, to citizen: Int, in inDegree: UnsafeMutablePointer<UInt32>) {
        let atomic = UnsafeAtomic<UInt32>(
            at: UnsafeMutableRawPointer(inDegree + citizen).assumingMemoryBound(to: UInt32.AtomicRepresentation.self))
        atomic.wrappingIncrement(by: UInt32(bitPattern: delta), ordering: .relaxed)
    }

    /// Bytes held by the state columns.
    public var byteCount: Int {
        current.byteCount + next.byteCount + score.byteCount + trueScore.byteCount + detentionLeft.byteCount
            + status.byteCount + sanctionLeft.reduce(0) { $0 + $1.byteCount } + wrongfulListings.byteCount
            + inDegree.byteCount
    }
}
