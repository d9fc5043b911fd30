/// Receives undirected ties from a ``TieSource``, one call per tie.
protocol TieSink {
    /// Takes the undirected tie {`a`, `b`} of `kind`; `a != b`, both in 0..<citizenCount.
    mutating func add(_ a: Int, _ b: Int, _ kind: TieKind)
}

/// Counts, per citizen, the slots its row will need: `counts[i]` grows by one for every tie of i.
struct DegreeCounter: TieSink {
    /// Per-citizen counters (the graph's offsets column shifted by one).
    let counts: UnsafeMutablePointer<Int>
    /// Ties taken so far.
    private(set) var ties = 0

    init(counts: UnsafeMutablePointer<Int>) {
        self.counts = counts
    }

    @inline(__always)
    mutating func add(_ a: Int, _ b: Int, _ kind: TieKind) {
        counts[a] += 1
        counts[b] += 1
        ties += 1
    }
}

/// Writes each tie into both endpoints' rows: `cursors[i]` is the next free slot of row i and
/// advances as the row fills.
struct SlotFiller: TieSink {
    let cursors: UnsafeMutablePointer<Int>
    let targets: UnsafeMutablePointer<UInt32>
    let kinds: UnsafeMutablePointer<UInt8>
    /// Number of slots allocated; a source that emits more ties than it counted traps here instead
    /// of writing out of bounds.
    let capacity: Int

    @inline(__always)
    mutating func add(_ a: Int, _ b: Int, _ kind: TieKind) {
        put(from: a, to: b, kind)
        put(from: b, to: a, kind)
    }

    @inline(__always)
    private func put(from a: Int, to b: Int, _ kind: TieKind) {
        let slot = cursors[a]
        precondition(slot < capacity, "tie source emitted more ties than it counted")
        targets[slot] = UInt32(truncatingIfNeeded: b)
        kinds[slot] = kind.rawValue
        cursors[a] = slot + 1
    }
}

/// Passes ties on to `base` unless both ends share a household, in which case the tie already
/// exists as a family tie and is only counted.
struct FamilyOverlapFilter<Base: TieSink>: TieSink {
    var base: Base
    let households: HouseholdLayout
    /// Ties dropped because they duplicated a family tie.
    private(set) var merged = 0

    init(base: Base, households: HouseholdLayout) {
        self.base = base
        self.households = households
    }

    @inline(__always)
    mutating func add(_ a: Int, _ b: Int, _ kind: TieKind) {
        if households.shareHousehold(a, b) {
            merged += 1
        } else {
            base.add(a, b, kind)
        }
    }
}
