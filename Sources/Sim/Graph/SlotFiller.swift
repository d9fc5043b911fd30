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
