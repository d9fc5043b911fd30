import Agents

/// Barabási–Albert scale-free ties: a seed clique of m + 1 citizens, then every later citizen t
/// ties to m distinct earlier citizens chosen with probability proportional to their degree.
///
/// Uses the repeated-endpoints method without storing the endpoint list: a uniform index into the
/// 2 E endpoints of the E ties made so far decodes to a clique member, a newcomer (ties are stored
/// in order, m per newcomer) or a stored choice. The choices are made once, sequentially (each
/// depends on the degrees before it), at 4 m bytes per citizen held until the graph is built;
/// newcomer t draws from the stream (seed, entity t, purpose `.preferentialAttachment`).
/// Every citizen ends with degree ≥ m.
struct ScaleFreeTies: TieSource {
    let citizenCount: Int
    /// Ties each newcomer makes.
    let m: Int
    /// Size of the seed clique: min(m + 1, N).
    let coreSize: Int
    /// Newcomer t's choices are `choices[(t - coreSize) * m ..< (t - coreSize + 1) * m]`.
    private let choices: Column<UInt32>

    /// m = max(1, round(`meanDegree` / 2)), capped at N - 1.
    init(citizenCount n: Int, meanDegree: Double, seed: UInt64) {
        let m = max(1, min(Int((min(meanDegree, Double(n)) / 2).rounded()), n - 1))
        let coreSize = min(m + 1, n)
        let choices = Column<UInt32>(count: (n - coreSize) * m, repeating: 0)
        let chosen = choices.base
        let coreEndpoints = coreSize * (coreSize - 1)
        for t in coreSize..<n {
            var stream = RandomStream(seed: seed, entity: UInt32(t), tick: 0, purpose: .preferentialAttachment)
            let first = (t - coreSize) * m
            let endpoints = coreEndpoints + 2 * first
            for slot in first..<first + m {
                var target: UInt32
                repeat {
                    let endpoint = ScaleFreeTies.uniformIndex(below: endpoints, &stream)
                    if endpoint < coreEndpoints {
                        target = UInt32(endpoint / m)
                    } else {
                        let tie = (endpoint - coreEndpoints) >> 1
                        target = endpoint & 1 == 0 ? UInt32(coreSize + tie / m) : chosen[tie]
                    }
                } while UnsafeBufferPointer(start: chosen + first, count: slot - first).contains(target)
                chosen[slot] = target
            }
        }
        self.citizenCount = n
        self.m = m
        self.coreSize = coreSize
        self.choices = choices
    }

    /// A uniform integer in 0..<bound from 64 random bits (Lemire's multiply-shift).
    private static func uniformIndex(below bound: Int, _ stream: inout RandomStream) -> Int {
        let bits = UInt64(stream.nextUInt32()) << 32 | UInt64(stream.nextUInt32())
        return Int(bits.multipliedFullWidth(by: UInt64(bound)).high)
    }

    func emit<Sink: TieSink>(into sink: inout Sink) -> DroppedTies {
        for a in 0..<coreSize {
            for b in a + 1..<coreSize { sink.add(a, b, .social) }
        }
        for slot in 0..<choices.count {
            sink.add(coreSize + slot / m, Int(choices[slot]), .social)
        }
        return DroppedTies()
    }
}
