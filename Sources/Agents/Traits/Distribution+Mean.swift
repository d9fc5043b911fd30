extension Distribution {
    /// The distribution's mean: of its draws before any rounding or clamping by the caller.
    public var mean: Double {
        switch self {
        case .constant(let value): value
        case .uniform(let min, let max): (min + max) / 2
        case .beta(let alpha, let beta): alpha / (alpha + beta)
        case .normal(let mean, _): mean
        case .lognormal(let mu, let sigma): PortableMath.exp(mu + sigma * sigma / 2)
        case .gamma(let shape, let scale): shape * scale
        case .discrete(let values, let weights):
            zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / weights.reduce(0, +)
        }
    }
}
