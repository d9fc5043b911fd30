/// A named score band (`[[score.grades]]`): citizens with score ≥ `minimum` and below the next
/// higher band's minimum.
public struct Grade: Sendable, Equatable {
    /// Band name, also a column name suffix: letters, digits, `_`, `+`, `-` (`name`).
    public var name: String
    /// Lowest score in the band (`min`).
    public var minimum: Double

    public init(name: String, minimum: Double) {
        self.name = name
        self.minimum = minimum
    }
}
