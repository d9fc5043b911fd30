import Agents

/// Erdős–Rényi G(N, p) ties: each pair {i, j} is tied independently with probability p.
///
/// Pairs are visited by owner i (the smaller id) with geometric skips between successive partners
/// j > i, so the work is O(N + ties) rather than O(N²). Owner i's skips come from the stream
/// (seed, entity i, purpose `.randomTies`). p ≥ 1 gives the complete graph.
struct RandomTies: TieSource {
    let citizenCount: Int
    /// Tie probability p in [0, 1].
    let probability: Double
    let seed: UInt64

    /// p = `meanDegree` / (N - 1), clamped to [0, 1].
    init(citizenCount: Int, meanDegree: Double, seed: UInt64) {
        self.citizenCount = citizenCount
        probability = citizenCount > 1 ? min(1, max(0, meanDegree / Double(citizenCount - 1))) : 0
        self.seed = seed
    }

    func emit<Sink: TieSink>(into sink: inout Sink) -> DroppedTies {
        let n = citizenCount
        guard n > 1, probability > 0 else { return DroppedTies() }
        if probability >= 1 {
            for i in 0..<n - 1 {
                for j in i + 1..<n { sink.add(i, j, .social) }
            }
            return DroppedTies()
        }
        let logMiss = PortableMath.log1p(-probability)
        let limit = Double(n)
        for i in 0..<n - 1 {
            var stream = RandomStream(seed: seed, entity: UInt32(i), tick: 0, purpose: .randomTies)
            var j = Double(i)
            while true {
                j += 1 + (PortableMath.log(stream.nextUniform()) / logMiss).rounded(.down)
                if j >= limit { break }
                sink.add(i, Int(j), .social)
            }
        }
        return DroppedTies()
    }
}
