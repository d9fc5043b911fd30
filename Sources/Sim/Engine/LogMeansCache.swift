import Agents

/// ln max(means × factor, 10⁻⁶) per citizen: the log of effective means that the behaviours'
/// utilities read, kept for the means factor (sanctions' job blocks, perks' means bonuses) the
/// citizen last had.
///
/// A citizen's factor changes only when it is listed, delisted or gains or loses a perk, so the
/// kernel recomputes the logarithm only then; each value is a pure function of the citizen's
/// means and factor, so outputs do not depend on when it was computed. A worker updates only its
/// own citizens' entries.
struct LogMeansCache {
    /// ln max(means × `factors[i]`, 10⁻⁶) of citizen i.
    let logMeans: Column<Float>
    /// The means factor `logMeans[i]` was computed for (1 to begin with).
    let factors: Column<Float>

    /// Every citizen's entry for factor 1; empty when `needed` is false (no behaviours).
    init(_ population: Population, needed: Bool, parallel: ChunkedParallel) {
        let count = needed ? population.count : 0
        logMeans = Column(count: count, repeating: 0)
        factors = Column(count: count, repeating: 1)
        guard needed else { return }
        let means = population.column(.means)
        let logMeans = logMeans
        parallel.forEachChunk { _, _, citizens in
            for citizen in citizens { logMeans[citizen] = Self.logEffectiveMeans(means: means[citizen], factor: 1) }
        }
    }

    /// Bytes held.
    var byteCount: Int {
        logMeans.byteCount + factors.byteCount
    }

    /// ln max(`means` × `factor`, 10⁻⁶).
    @inline(__always)
    static func logEffectiveMeans(means: Float, factor: Float) -> Float {
        PortableMath.log(max(means * factor, 1e-6))
    }
}
