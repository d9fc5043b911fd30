import Agents

/// Households as runs of consecutive citizen ids, so family ties are local in memory.
///
/// Household h has a size drawn from the scenario's distribution on the stream
/// (seed, entity h, purpose `.householdSize`), rounded and at least 1; the last household is cut
/// short at the population size. Holds 4 bytes per citizen while the graph is built.
struct HouseholdLayout {
    /// `ends[i]` is one past the last member of citizen i's household; nil when there are none.
    private let ends: Column<UInt32>?
    /// Number of households (0 when disabled).
    let count: Int
    /// Family ties: the sum of s (s - 1) / 2 over household sizes s.
    let familyTies: Int

    /// No households: every tie is social.
    static let none = HouseholdLayout(ends: nil, count: 0, familyTies: 0)

    private init(ends: Column<UInt32>?, count: Int, familyTies: Int) {
        self.ends = ends
        self.count = count
        self.familyTies = familyTies
    }

    /// Draws household sizes from `size` until `citizenCount` citizens are placed.
    init(citizenCount: Int, size: Distribution, seed: UInt64) {
        let ends = Column<UInt32>(count: citizenCount, repeating: 0)
        let generator = PhiloxGSLGenerator()
        var start = 0
        var households = 0
        var familyTies = 0
        while start < citizenCount {
            generator.reset(seed: seed, entity: UInt32(households), tick: 0, purpose: .householdSize)
            let drawn = size.sample(generator).rounded()
            let remaining = citizenCount - start
            let members = drawn >= Double(remaining) ? remaining : (drawn >= 1 ? Int(drawn) : 1)
            let end = start + members
            ends.base.advanced(by: start).update(repeating: UInt32(end), count: members)
            familyTies += members * (members - 1) / 2
            households += 1
            start = end
        }
        self.init(ends: ends, count: households, familyTies: familyTies)
    }

    /// Whether distinct citizens `a` and `b` belong to the same household.
    @inline(__always)
    func shareHousehold(_ a: Int, _ b: Int) -> Bool {
        guard let ends else { return false }
        return a < b ? b < Int(ends[a]) : a < Int(ends[b])
    }

    /// Emits every household as a clique of family ties, in increasing id order.
    func emitCliques<Sink: TieSink>(into sink: inout Sink) {
        guard let ends else { return }
        for a in 0..<ends.count {
            var b = a + 1
            let end = Int(ends[a])
            while b < end {
                sink.add(a, b, .family)
                b += 1
            }
        }
    }
}
