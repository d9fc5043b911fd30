import Agents

/// An everyday behaviour, as data. Keys and ranges: ``ScenarioKeys``.
///
/// Each tick each present citizen does each behaviour with a logit probability (docs/MODEL.md,
/// "Everyday behaviours"); the act is recorded with its channel's coverage and, once recorded,
/// adds `points` to the score.
public struct Behaviour: Sendable, Equatable {
    /// Whether the regime rewards or punishes the act.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case virtue
        case infraction
    }

    /// When the act is possible at all.
    public enum Condition: String, Sendable, CaseIterable, Codable {
        /// Always.
        case always
        /// Only with at least one active tie to a listed citizen.
        case listedTie = "listed-tie"
    }

    /// Identifier, also used in column names: lowercase letters, digits and `_`.
    public var name: String
    /// Virtue or infraction.
    public var kind: Kind
    /// Base probability per tick with no influences, in (0, 1).
    public var rate: Double
    /// Points added when recorded; negative for deductions.
    public var points: Double
    /// The channel that can record it.
    public var channel: Surveillance.ChannelName
    /// Utility weight per trait; `means` enters as ln(means), so a negative weight makes the poor
    /// likelier to do it.
    public var drivers: [Trait: Double]
    /// When the act is possible.
    public var condition: Condition

    public init(
        name: String, kind: Kind, rate: Double, points: Double, channel: Surveillance.ChannelName,
        drivers: [Trait: Double] = [:], condition: Condition = .always
    ) {
        self.name = name
        self.kind = kind
        self.rate = rate
        self.points = points
        self.channel = channel
        self.drivers = drivers
        self.condition = condition
    }

    /// At most this many behaviours: each has one bit in the signal word.
    public static let maximumCount = 12

    /// The default list, after the source: late bill payment, unpaid fine, traffic violation,
    /// gaming all day, quarrel with neighbours, charity, sorting recycling, volunteering, and
    /// associating with a blacklisted person. Rates are per day; points follow Rongcheng-style
    /// tables (−5 to −30 for infractions, +5 to +20 for virtues).
    public static let defaults: [Behaviour] = [
        Behaviour(
            name: "late_bill_payment", kind: .infraction, rate: 0.01, points: -10, channel: .financial,
            drivers: [.hardship: 1.0, .means: -1.0]),
        Behaviour(
            name: "unpaid_fine", kind: .infraction, rate: 0.002, points: -30, channel: .judicial,
            drivers: [.hardship: 1.0, .means: -1.0]),
        Behaviour(
            name: "traffic_violation", kind: .infraction, rate: 0.01, points: -5, channel: .traffic,
            drivers: [.riskAversion: -1.0]),
        Behaviour(
            name: "gaming_all_day", kind: .infraction, rate: 0.02, points: -10, channel: .online,
            drivers: [.ambition: -1.5]),
        Behaviour(
            name: "quarrel_with_neighbours", kind: .infraction, rate: 0.005, points: -5, channel: .street,
            drivers: [.hardship: 1.0, .conformity: -1.0]),
        Behaviour(
            name: "charity", kind: .virtue, rate: 0.005, points: 20, channel: .civic,
            drivers: [.means: 1.0, .ambition: 0.5]),
        Behaviour(
            name: "sorting_recycling", kind: .virtue, rate: 0.2, points: 5, channel: .civic,
            drivers: [.conformity: 1.0]),
        Behaviour(
            name: "volunteering", kind: .virtue, rate: 0.01, points: 10, channel: .civic,
            drivers: [.ambition: 1.0]),
        Behaviour(
            name: "associating_with_blacklisted", kind: .infraction, rate: 0.3, points: -20, channel: .social,
            drivers: [.conformity: -1.0], condition: .listedTie),
    ]
}
