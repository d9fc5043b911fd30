/// A citizen trait drawn once at creation.
///
/// Raw values are the names used in scenario files (`[traits.<name>]`) and population CSV headers.
public enum Trait: String, CaseIterable, Sendable, Codable {
    /// Material hardship H in [0, 1]; grievance is G = H (1 - legitimacy).
    case hardship
    /// Risk aversion R in [0, 1]: how strongly the expected cost of being caught deters.
    case riskAversion = "risk_aversion"
    /// Dissent threshold θ0 in [0, 1]: the share of one's active ties who must dissent before one joins.
    case threshold
    /// Conformity c in [0, 1]: pull toward what one's ties did last tick.
    case conformity
    /// Ambition a in [0, 1]: how much score and rank matter.
    case ambition
    /// Means m ≥ 0: income, in units of the population median (1 = median).
    case means

    /// The values the trait may take; drawn values are clipped into this range.
    public var range: ClosedRange<Double> {
        switch self {
        case .means: 0...Double.greatestFiniteMagnitude
        default: 0...1
        }
    }

    /// The stream purpose of this trait's draws.
    public var randomPurpose: RandomPurpose {
        switch self {
        case .hardship: .hardship
        case .riskAversion: .riskAversion
        case .threshold: .threshold
        case .conformity: .conformity
        case .ambition: .ambition
        case .means: .means
        }
    }
}
