import Agents

/// ln max(means × factor, 10⁻⁶) per citizen: the log of effective means that the behaviours'
/// utilities read, kept for the means factor (sanctions' job blocks and loan and property bans,
/// perks' means bonuses) the citizen last had; and, when trips are simulated, the weight of its
/// trip rates, (effective means)^ε over the population's mean of means^ε.
///
/// A citizen's factor changes only when it is listed, delisted or gains or loses a perk, so the
/// kernel recomputes the logarithm and the weight only then (``Access/refresh(_:factor:)``); each
/// value is a pure function of the citizen's means and factor and of numbers fixed at set-up, so
/// outputs do not depend on when it was computed. A worker updates only its own citizens' entries.
struct LogMeansCache {
    /// ln max(means × `factors[i]`, 10⁻⁶) of citizen i.
    let logMeans: Column<Float>
    /// The means factor `logMeans[i]` was computed for (1 to begin with).
    let factors: Column<Float>
    /// e^(ε · `logMeans[i]`) / mean_j e^(ε · ln max(means_j, 10⁻⁶)) of citizen i: 1 on average
    /// with every factor 1. Empty when trips are not simulated.
    let tripWeights: Column<Float>
    /// The population's means, which the entries are computed from.
    let means: Column<Float>
    /// ε, and 1 / mean_j e^(ε · ln max(means_j, 10⁻⁶)) (1 when trips are not simulated).
    let tripElasticity: Float
    let inverseMeanPower: Float

    /// Every citizen's entries for factor 1; empty when `needed` is false (no behaviours, no trips).
    /// With `tripElasticity` (trips simulated), the trip weights too: the mean they are divided by
    /// is summed per chunk of `parallel`, and the chunks' sums in chunk order.
    init(_ population: Population, needed: Bool, tripElasticity: Float?, parallel: ChunkedParallel) {
        let count = needed ? population.count : 0
        logMeans = Column(count: count, repeating: 0)
        factors = Column(count: count, repeating: 1)
        tripWeights = Column(count: tripElasticity == nil ? 0 : count, repeating: 0)
        means = population.column(.means)
        self.tripElasticity = tripElasticity ?? 0
        guard needed else {
            inverseMeanPower = 1
            return
        }
        let means = means
        let logMeans = logMeans
        let tripWeights = tripWeights
        let weighsTrips = tripElasticity != nil
        let elasticity = self.tripElasticity
        let chunkPowers = Column<Double>(count: parallel.chunkCount, repeating: 0)
        parallel.forEachChunk { _, chunk, citizens in
            var powers = 0.0
            for citizen in citizens {
                let log = Self.logEffectiveMeans(means: means[citizen], factor: 1)
                logMeans[citizen] = log
                if weighsTrips {
                    let power = Self.power(log, elasticity: elasticity)
                    tripWeights[citizen] = power
                    powers += Double(power)
                }
            }
            chunkPowers[chunk] = powers
        }
        guard weighsTrips else {
            inverseMeanPower = 1
            return
        }
        var powers = 0.0
        for chunk in 0..<parallel.chunkCount { powers += chunkPowers[chunk] }
        let inverse = Float(Double(count) / powers)
        inverseMeanPower = inverse
        parallel.forEachChunk { _, _, citizens in
            for citizen in citizens { tripWeights[citizen] *= inverse }
        }
    }

    /// Bytes held beyond the population.
    var byteCount: Int {
        logMeans.byteCount + factors.byteCount + tripWeights.byteCount
    }

    /// The cache as the kernel reads and refreshes it.
    var access: Access {
        Access(
            means: UnsafePointer(means.base), logMeans: logMeans.base, factors: factors.base,
            tripWeights: tripWeights.base, weighsTrips: tripWeights.count > 0, tripElasticity: tripElasticity,
            inverseMeanPower: inverseMeanPower)
    }

    /// ln max(`means` × `factor`, 10⁻⁶).
    @inline(__always)
    static func logEffectiveMeans(means: Float, factor: Float) -> Float {
        PortableMath.log(max(means * factor, 1e-6))
    }

    /// e^(`elasticity` · `logMeans`), with the portable exp.
    @inline(__always)
    static func power(_ logMeans: Float, elasticity: Float) -> Float {
        PortableMath.exp(elasticity * logMeans)
    }

    /// Raw pointers into the cache's columns, for the kernel.
    struct Access: BitwiseCopyable {
        let means: UnsafePointer<Float>
        let logMeans: UnsafeMutablePointer<Float>
        let factors: UnsafeMutablePointer<Float>
        let tripWeights: UnsafeMutablePointer<Float>
        let weighsTrips: Bool
        let tripElasticity: Float
        let inverseMeanPower: Float

        /// Recomputes `citizen`'s entries for means factor `factor` if they were computed for another.
        @inline(__always)
        func refresh(_ citizen: Int, factor: Float) {
            guard factor != factors[citizen] else { return }
            let log = LogMeansCache.logEffectiveMeans(means: means[citizen], factor: factor)
            logMeans[citizen] = log
            factors[citizen] = factor
            if weighsTrips {
                tripWeights[citizen] = LogMeansCache.power(log, elasticity: tripElasticity) * inverseMeanPower
            }
        }
    }
}
