import CGSL

/// A probability distribution over real numbers, as a scenario file names it.
///
/// Sampling goes through GSL's samplers drawing from a ``PhiloxGSLGenerator``, so a draw depends
/// only on the generator's stream. Parameter names follow the scenario file keys.
public enum Distribution: Sendable, Equatable {
    /// Always `value`.
    case constant(value: Double)
    /// Uniform on [`min`, `max`).
    case uniform(min: Double, max: Double)
    /// Beta(`alpha`, `beta`) on [0, 1]; mean alpha / (alpha + beta).
    case beta(alpha: Double, beta: Double)
    /// Normal with `mean` and standard deviation `sd`.
    case normal(mean: Double, sd: Double)
    /// Lognormal: exp of a normal with mean `mu` and standard deviation `sigma`.
    case lognormal(mu: Double, sigma: Double)
    /// Gamma with `shape` k and `scale` θ; mean k θ.
    case gamma(shape: Double, scale: Double)
    /// `values[i]` with probability proportional to `weights[i]`.
    case discrete(values: [Double], weights: [Double])

    /// The distribution's name in scenario files.
    public var name: String {
        switch self {
        case .constant: "constant"
        case .uniform: "uniform"
        case .beta: "beta"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .gamma: "gamma"
        case .discrete: "discrete"
        }
    }

    /// One draw from the generator's current stream.
    @inlinable
    public func sample(_ generator: PhiloxGSLGenerator) -> Double {
        let rng = generator.rng
        switch self {
        case .constant(let value):
            return value
        case .uniform(let min, let max):
            return gsl_ran_flat(rng, min, max)
        case .beta(let alpha, let beta):
            return gsl_ran_beta(rng, alpha, beta)
        case .normal(let mean, let sd):
            return mean + gsl_ran_gaussian_ziggurat(rng, sd)
        case .lognormal(let mu, let sigma):
            return gsl_ran_lognormal(rng, mu, sigma)
        case .gamma(let shape, let scale):
            return gsl_ran_gamma(rng, shape, scale)
        case .discrete(let values, let weights):
            let total = weights.reduce(0, +)
            var target = gsl_rng_uniform(rng) * total
            for (value, weight) in zip(values, weights) {
                if target < weight { return value }
                target -= weight
            }
            return values[values.count - 1]
        }
    }
}
