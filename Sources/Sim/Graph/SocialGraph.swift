/// Who associates with whom: a compressed sparse row (CSR) table of directed slots
/// "citizen i associates with citizen j", each with a ``TieKind``.
///
/// Row i is `targets[offsets[i] ..< offsets[i + 1]]`. A built graph is symmetric (j is in row i
/// exactly when i is in row j, with the same kind both ways), each row is sorted by target id with
/// no duplicates, and no citizen is tied to itself. Row lengths never change. During a run a
/// citizen may re-point its own slots (tie cutting and rewiring), which only that citizen's worker
/// does, so rows stay duplicate-free but may become unsorted and asymmetric; otherwise the graph
/// is read-only, hence `@unchecked Sendable`. Generated graphs number citizens so that most ties join nearby ids
/// (households are consecutive ids; lattice ties span a few ids), which keeps neighbour reads local
/// in memory.
public final class SocialGraph: @unchecked Sendable {
    /// Number of citizens N; ids are 0..<N.
    public let citizenCount: Int
    /// Row starts: N + 1 non-decreasing slot indices, `offsets[0] == 0`, `offsets[N] == slotCount`.
    public let offsets: Column<Int>
    /// Target citizen of each slot (slots past `slotCount` are unused capacity).
    public let targets: Column<UInt32>
    /// ``TieKind`` raw value of each slot.
    public let kinds: Column<UInt8>

    /// Wraps columns that already satisfy the invariants above.
    init(citizenCount: Int, offsets: Column<Int>, targets: Column<UInt32>, kinds: Column<UInt8>) {
        precondition(
            offsets.count == citizenCount + 1 && targets.count == kinds.count
                && offsets[citizenCount] <= targets.count, "inconsistent CSR columns")
        self.citizenCount = citizenCount
        self.offsets = offsets
        self.targets = targets
        self.kinds = kinds
    }

    /// The graph of the undirected `ties` among `citizenCount` citizens, for tests and small
    /// graphs. Each tie {a, b} fills a slot in both rows; self-loops are dropped and repeated pairs
    /// merged (a pair given as both family and social is family). Ids must be below `citizenCount`.
    public convenience init(citizenCount: Int, ties: [(UInt32, UInt32, TieKind)]) {
        precondition(
            ties.allSatisfy { Int($0.0) < citizenCount && Int($0.1) < citizenCount },
            "tie names a citizen outside 0..<\(citizenCount)")
        let slots = SlotAssembler.assemble(TieList(ties: ties), citizenCount: citizenCount, threads: 1)
        self.init(citizenCount: citizenCount, offsets: slots.offsets, targets: slots.targets, kinds: slots.kinds)
    }

    /// Total number of slots: twice the number of undirected ties.
    public var slotCount: Int { offsets[citizenCount] }

    /// Slot indices of `citizen`'s row.
    @inlinable
    public func slots(of citizen: Int) -> Range<Int> {
        offsets[citizen]..<offsets[citizen + 1]
    }

    /// Number of slots in `citizen`'s row (its out-degree; equal to its in-degree when built).
    @inlinable
    public func degree(of citizen: Int) -> Int {
        offsets[citizen + 1] - offsets[citizen]
    }

    /// The kind of the tie from `citizen` to `other`, or nil when there is none (a scan of the row,
    /// which tie cutting may have left unsorted).
    public func kind(from citizen: Int, to other: Int) -> TieKind? {
        let target = UInt32(truncatingIfNeeded: other)
        for slot in slots(of: citizen) where targets[slot] == target {
            return TieKind(rawValue: kinds[slot])
        }
        return nil
    }

    /// How many slots point at each citizen (isolation is measured by in-degree).
    public func inDegrees() -> [UInt32] {
        var counts = [UInt32](repeating: 0, count: citizenCount)
        for slot in 0..<slotCount { counts[Int(targets[slot])] += 1 }
        return counts
    }

    /// Bytes held by the three columns.
    public var byteCount: Int { offsets.byteCount + targets.byteCount + kinds.byteCount }
}
