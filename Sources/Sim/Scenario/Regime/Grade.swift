/// A named score band: citizens with score ≥ `minimum` and below the next higher band's minimum.
public struct Grade: Sendable, Equatable {
    /// Band name, also a column name suffix: letters, digits, `_`, `+`, `-`.
    public var name: String
    /// Lowest score in the band.
    public var minimum: Double

    public init(name: String, minimum: Double) {
        self.name = name
        self.minimum = minimum
    }
}
