/// Turns a ``TieSource`` into CSR columns without materialising a list of ties.
///
/// 1. Count: the source emits its ties once; each tie bumps both endpoints' degrees.
/// 2. Fill: row starts are laid out and the source emits the same ties again, each written into
///    both rows.
/// 3. Per row, in parallel over fixed-size chunks: sort by target and merge repeated targets
///    (family wins over social, so both directions keep the same kind).
/// 4. If anything was merged, rows are moved left in place so they are contiguous again; the
///    merged slots' space stays allocated, unused, at the end of the columns.
///
/// Beyond the final columns this holds 4 bytes per citizen while step 3 runs. Nothing depends on
/// `threads`.
enum SlotAssembler {
    /// Assembled columns and what was dropped on the way.
    struct Slots {
        let offsets: Column<Int>
        let targets: Column<UInt32>
        let kinds: Column<UInt8>
        /// Self-loops the source dropped, and ties merged by the source or by step 3.
        let dropped: DroppedTies
    }

    static func assemble<Source: TieSource>(_ source: Source, citizenCount n: Int, threads: Int) throws(Source.Failure)
        -> Slots
    {
        precondition(n >= 0 && n <= Int(UInt32.max), "citizen count out of range")
        let offsets = Column<Int>(count: n + 1, repeating: 0)
        var counter = DegreeCounter(counts: offsets.base + 1)
        var dropped = try source.emit(into: &counter)

        var start = 0
        for i in 0..<n {
            let degree = offsets[i + 1]
            offsets[i + 1] = start
            start += degree
        }
        let rawSlots = start
        let targets = Column<UInt32>(count: rawSlots, repeating: 0)
        let kinds = Column<UInt8>(count: rawSlots, repeating: 0)
        var filler = SlotFiller(cursors: offsets.base + 1, targets: targets.base, kinds: kinds.base, capacity: rawSlots)
        _ = try source.emit(into: &filler)
        precondition(offsets[n] == rawSlots, "tie source emitted fewer ties than it counted")

        let plan = ChunkedParallel(count: n, threads: threads)
        let degrees = Column<UInt32>(count: n, repeating: 0)
        plan.forEachChunk { _, _, rows in
            sortAndMerge(rows: rows, offsets: offsets, targets: targets, kinds: kinds, degrees: degrees)
        }
        let slots = degrees.buffer.reduce(0) { $0 + Int($1) }
        dropped.duplicates += (rawSlots - slots) / 2
        if slots == rawSlots {
            return Slots(offsets: offsets, targets: targets, kinds: kinds, dropped: dropped)
        }
        var next = 0
        for i in 0..<n {
            let from = offsets[i]
            let count = Int(degrees[i])
            offsets[i] = next
            if next != from {
                UnsafeMutableRawPointer(targets.base + next).copyMemory(
                    from: targets.base + from, byteCount: count * MemoryLayout<UInt32>.stride)
                UnsafeMutableRawPointer(kinds.base + next).copyMemory(from: kinds.base + from, byteCount: count)
            }
            next += count
        }
        offsets[n] = next
        return Slots(offsets: offsets, targets: targets, kinds: kinds, dropped: dropped)
    }

    /// Sorts each row in `rows` by (target, kind), keeps the first slot per target at the front of
    /// the row and stores the kept count in `degrees`.
    private static func sortAndMerge(
        rows: Range<Int>, offsets: Column<Int>, targets: Column<UInt32>, kinds: Column<UInt8>, degrees: Column<UInt32>
    ) {
        var longest = 0
        for i in rows { longest = max(longest, offsets[i + 1] - offsets[i]) }
        let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(longest, 1))
        defer { keys.deallocate() }
        for i in rows {
            let start = offsets[i]
            let count = offsets[i + 1] - start
            let rowTargets = targets.base + start
            let rowKinds = kinds.base + start
            for s in 0..<count { keys[s] = UInt64(rowTargets[s]) << 8 | UInt64(rowKinds[s]) }
            var row = UnsafeMutableBufferPointer(rebasing: keys[0..<count])
            row.sort()
            var kept = 0
            var previous = UInt64.max
            for key in row where key >> 8 != previous {
                previous = key >> 8
                rowTargets[kept] = UInt32(truncatingIfNeeded: previous)
                rowKinds[kept] = UInt8(truncatingIfNeeded: key)
                kept += 1
            }
            degrees[i] = UInt32(kept)
        }
    }
}
