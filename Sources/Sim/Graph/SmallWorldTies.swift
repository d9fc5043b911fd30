import Agents

/// Watts–Strogatz small-world ties: a ring lattice where each citizen i is tied to
/// i + 1 ... i + k/2 (mod N), and each of those ties has its far end moved, with probability
/// `rewire`, to a uniform random other citizen; rewired ties are of kind ``TieKind/distant``.
///
/// Citizen i's rewiring draws come from the stream (seed, entity i, purpose `.latticeRewiring`).
/// Unrewired ties join ids at most k/2 apart, so most ties stay local in memory. A rewired tie may
/// repeat an existing one; assembly merges such duplicates.
struct SmallWorldTies: TieSource {
    let citizenCount: Int
    /// k / 2: lattice ties each citizen starts.
    let halfDegree: Int
    let rewire: Double
    let seed: UInt64

    /// k is the largest even number ≤ `meanDegree`, capped at N - 1 so lattice ties never repeat.
    init(citizenCount: Int, meanDegree: Double, rewire: Double, seed: UInt64) {
        let cap = Double(max(citizenCount - 1, 0))
        let degree = Int(min(meanDegree, cap))
        self.citizenCount = citizenCount
        halfDegree = degree / 2
        self.rewire = rewire
        self.seed = seed
    }

    /// The lattice degree k.
    var latticeDegree: Int { 2 * halfDegree }

    func emit<Sink: TieSink>(into sink: inout Sink) -> DroppedTies {
        let n = citizenCount
        guard halfDegree > 0 else { return DroppedTies() }
        for i in 0..<n {
            var stream = RandomStream(seed: seed, entity: UInt32(i), tick: 0, purpose: .latticeRewiring)
            for step in 1...halfDegree {
                var j = i + step
                if j >= n { j -= n }
                var kind = TieKind.social
                if stream.nextUniform() < rewire {
                    repeat { j = stream.nextIndex(below: n) } while j == i
                    kind = .distant
                }
                sink.add(i, j, kind)
            }
        }
        return DroppedTies()
    }
}
