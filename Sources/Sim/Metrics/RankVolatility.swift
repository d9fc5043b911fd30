/// How much citizens' ranks move from tick to tick, on a fixed sample of min(N, 1000) citizens
/// (ids ⌊kN/S⌋): the mean |Δ percentile rank| since the last tick, a percentile rank being the
/// share of citizens with a lower score.
final class RankVolatility {
    /// Citizens in the sample.
    static let sampleSize = 1000

    private let sample: [Int]
    private let sampleRanks: Column<Double>
    private let citizensBelow: Column<UInt64>

    /// A sample of `population` citizens whose scores have `bins` grid steps.
    init(population: Int, bins: Int) {
        let size = min(population, Self.sampleSize)
        sample = (0..<size).map { $0 * population / size }
        sampleRanks = Column(count: size, repeating: 0)
        citizensBelow = Column(count: bins, repeating: 0)
    }

    /// Bytes held.
    var byteCount: Int { sampleRanks.byteCount + citizensBelow.byteCount }

    /// The mean |Δ percentile rank| of the sample since the last call, with scores `score` and
    /// their histogram; remembers the ranks for the next call.
    func measure(histogram: ScoreHistogram, score: Column<Int32>) -> Double {
        guard !sample.isEmpty else { return 0 }
        var running: UInt64 = 0
        for bin in 0..<histogram.counts.count {
            citizensBelow[bin] = running
            running += histogram.counts[bin]
        }
        let n = Double(histogram.population)
        var change = 0.0
        for (index, citizen) in sample.enumerated() {
            let rank = Double(citizensBelow[Int(score[citizen])]) / n
            change += abs(rank - sampleRanks[index])
            sampleRanks[index] = rank
        }
        return change / Double(sample.count)
    }
}
