/// Counts, per citizen, the slots its row will need: `counts[i]` grows by one for every tie of i.
struct DegreeCounter: TieSink {
    /// Per-citizen counters (the graph's offsets column shifted by one).
    let counts: UnsafeMutablePointer<Int>

    @inline(__always)
    func add(_ a: Int, _ b: Int, _ kind: TieKind) {
        counts[a] += 1
        counts[b] += 1
    }
}
