extension RandomStream {
    /// The largest mean drawn from exactly; a count with a larger mean is the mean rounded down.
    public static let poissonMeanLimit: Double = 500

    /// A Poisson count with `mean` ≥ 0, by inversion of one uniform draw: the smallest k whose
    /// cumulative probability reaches it, the probabilities built from e^−mean by the recurrence
    /// p(k) = p(k − 1) · mean / k with the project's portable exponential. Means above
    /// ``poissonMeanLimit`` give ⌊mean⌋ without drawing.
    @inlinable
    public mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        guard mean <= Self.poissonMeanLimit else { return Int(mean) }
        let u = nextUniform()
        var probability = PortableMath.exp(-mean)
        var cumulative = probability
        var count = 0
        // Past 3 · limit the remaining tail is far below the draw's resolution.
        while u > cumulative && count < 3 * Int(Self.poissonMeanLimit) {
            count += 1
            probability *= mean / Double(count)
            cumulative += probability
        }
        return count
    }
}
