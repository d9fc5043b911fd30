/// What a mechanism needs from a tick beyond its own columns.
///
/// Each mechanism's constants state their own needs from the scenario (see ``MechanismConstants``),
/// and ``RunConstants`` takes the union as it builds them: what the gather reads and which
/// kernel variant runs follow from the mechanisms switched on, so a new mechanism cannot be left
/// out of them. Each need includes the ones it implies.
struct TickNeeds: OptionSet, Sendable, BitwiseCopyable {
    let rawValue: UInt8

    /// The regime variant of the kernel (``RegimeKernel``): anything beyond the dissent model.
    static let regime = TickNeeds(rawValue: 1 << 0)
    /// The sums over ties beyond presence and dissent (``TieSums``: listed and outranking ties,
    /// score sums, behaviour counts, stigma), which also keep the block's tie words for re-reading.
    static let tieSums: TickNeeds = [.regime, TickNeeds(rawValue: 1 << 1)]
    /// Tie kinds in those sums: family weights, and distant ties hidden by travel bans.
    static let tieKinds: TickNeeds = [.tieSums, TickNeeds(rawValue: 1 << 2)]
    /// The stigmatized bit of citizens' signal words, which someone reads.
    static let stigma: TickNeeds = [.regime, TickNeeds(rawValue: 1 << 3)]
}

/// A mechanism's constants for one run, which know what the mechanism needs from a tick.
protocol MechanismConstants: BitwiseCopyable {
    /// What the mechanism needs, as the scenario switches it; empty when it is off.
    var needs: TickNeeds { get }
}
