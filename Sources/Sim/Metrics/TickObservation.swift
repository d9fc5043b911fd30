/// Everything a tick's metric columns are computed from: the counts the chunks made, the score
/// histogram and what was measured from the state after the tick.
struct TickObservation {
    /// The tick, 1 for the state after the first update.
    let tick: Int
    let population: Int
    /// Legitimacy L(t).
    let legitimacy: Double
    /// The chunks' counts, summed.
    let tally: ChunkTally
    /// The chunks' counts summed over ticks 1..tick as well.
    let cumulative: ChunkTally
    let histogram: ScoreHistogram
    let score: ScoreSummary
    let degrees: DegreeTally
    let rankVolatility: Double
    /// Per perk, the minimum score (grid steps) to hold it at this tick.
    let perkMinimumSteps: [Int32]

    /// The count `count` as a share of the population.
    func share(_ count: Count) -> Double {
        Double(tally[count]) / Double(population)
    }

    /// Citizens present at this tick.
    var present: Int { population - tally[.detained] }
}
