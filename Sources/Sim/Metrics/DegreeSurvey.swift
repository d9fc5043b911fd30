/// In-degrees of one chunk, for the isolation metrics.
struct DegreeTally: BitwiseCopyable {
    var latentDissenters = 0
    var latentDissenterInDegree = 0
    var others = 0
    var othersInDegree = 0
    var pariahs = 0

    mutating func add(_ other: DegreeTally) {
        latentDissenters += other.latentDissenters
        latentDissenterInDegree += other.latentDissenterInDegree
        others += other.others
        othersInDegree += other.othersInDegree
        pariahs += other.pariahs
    }

    /// Mean in-degree of latent dissenters over everyone else's (1 when either group is empty or
    /// the others' mean is 0).
    var dissenterRatio: Double {
        guard latentDissenters > 0, others > 0, othersInDegree > 0 else { return 1 }
        let dissenters = Double(latentDissenterInDegree) / Double(latentDissenters)
        return dissenters / (Double(othersInDegree) / Double(others))
    }
}

/// The in-degrees of private dissenters and of everyone else after a tick's re-pointing, counted
/// in a parallel pass over fixed chunks whose tallies are summed in chunk order.
struct DegreeSurvey {
    private let tallies: Column<DegreeTally>
    private let parallel: ChunkedParallel

    init(parallel: ChunkedParallel) {
        self.parallel = parallel
        tallies = Column(count: parallel.chunkCount, repeating: DegreeTally())
    }

    /// Bytes held.
    var byteCount: Int { tallies.byteCount }

    /// The in-degrees of `state`'s citizens, by whether their current word shows private dissent.
    func survey(_ state: SocietyState) -> DegreeTally {
        let words = state.current
        let inDegree = state.inDegree
        let tallies = self.tallies
        parallel.forEachChunk { _, chunk, citizens in
            var tally = DegreeTally()
            for citizen in citizens {
                let degree = Int(inDegree[citizen])
                if degree == 0 { tally.pariahs += 1 }
                if words[citizen] & SignalWord.latentDissent != 0 {
                    tally.latentDissenters += 1
                    tally.latentDissenterInDegree += degree
                } else {
                    tally.others += 1
                    tally.othersInDegree += degree
                }
            }
            tallies[chunk] = tally
        }
        var total = DegreeTally()
        for chunk in 0..<tallies.count { total.add(tallies[chunk]) }
        return total
    }
}
