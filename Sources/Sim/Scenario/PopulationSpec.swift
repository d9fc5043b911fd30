import Agents

/// How the population is made. Keys, defaults and ranges: ``ScenarioKeys``.
public struct PopulationSpec: Sendable, Equatable {
    /// Number of citizens; nil means "take it from the population file or the edge list", and
    /// ``defaultSize`` when neither gives one.
    public var size: Int?
    /// Optional CSV of traits, one row per citizen: an absolute path.
    public var file: String?
    /// The distribution each trait is drawn from when the CSV does not give it.
    public var traits: [Trait: Distribution]

    /// The population size used when nothing else fixes one.
    public static let defaultSize = 10_000

    /// Default trait distributions (their reasons: ``ScenarioKeys``).
    public static let defaultTraits: [Trait: Distribution] = [
        .hardship: .beta(alpha: 2, beta: 5),
        .riskAversion: .uniform(min: 0, max: 1),
        .threshold: .beta(alpha: 4, beta: 4),
        .conformity: .beta(alpha: 2, beta: 2),
        .ambition: .beta(alpha: 2, beta: 2),
        .means: .lognormal(mu: 0, sigma: 0.6),
    ]

    public init(size: Int? = nil, file: String? = nil, traits: [Trait: Distribution] = PopulationSpec.defaultTraits) {
        self.size = size
        self.file = file
        self.traits = traits
    }
}
