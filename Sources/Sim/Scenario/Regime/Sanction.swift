/// A blacklist or sanction: who is listed, for how long, and what it does. Keys and ranges:
/// ``ScenarioKeys``.
public struct Sanction: Sendable, Equatable {
    /// What puts a citizen on the list.
    public enum Trigger: Sendable, Equatable {
        /// Score below a value.
        case scoreBelow(Double)
        /// A recorded act of a behaviour, or `dissent`.
        case record(String)
        /// Being on another (earlier) list.
        case listed(String)
    }

    /// What a listing does.
    public enum Effect: String, Sendable, CaseIterable, Codable {
        /// No flights: flights tried are blocked, distant ties are inactive.
        case flightBan = "flight-ban"
        /// No high-speed rail: rail journeys tried are blocked, distant ties are inactive.
        case railBan = "rail-ban"
        /// No loans: means multiplied by `creditFactor` while listed.
        case loanBan = "loan-ban"
        /// No property purchases: means multiplied by `creditFactor` while listed.
        case propertyBan = "property-ban"
        /// Job block: means multiplied by `meansFactor` while listed.
        case jobBlock = "job-block"
        /// The household's children lose school places: household (family) members counted.
        case schoolRestriction = "school-restriction"
        /// Internet throttle: acts on the online channel are impossible.
        case internetThrottle = "internet-throttle"
    }

    /// List name, also a column name suffix.
    public var name: String
    /// What lists a citizen.
    public var trigger: Trigger
    /// Ticks a listing lasts, at least 1; nil for permanent.
    public var duration: Int?
    /// Delist early once the score is at least this value ("repair", `lift_above`).
    public var liftAbove: Double?
    /// Effects while listed.
    public var effects: [Effect]
    /// Means multiplier in [0, 1] under `job-block`.
    public var meansFactor: Double
    /// Means multiplier in [0, 1] under `loan-ban` or `property-ban` (once for a list with both).
    public var creditFactor: Double
    /// Share in [0, 1] of citizens on the list when the run starts: a stock listed before the
    /// simulated period. Not for lists triggered by another list.
    public var initialShare: Double
    /// Points added to an initially listed citizen's score, times a uniform draw in (0, 1): what
    /// is left of the debt that listed it.
    public var initialPoints: Double

    public init(
        name: String, trigger: Trigger, duration: Int? = nil, liftAbove: Double? = nil, effects: [Effect] = [],
        meansFactor: Double = 0.6, creditFactor: Double = 0.9, initialShare: Double = 0, initialPoints: Double = 0
    ) {
        self.name = name
        self.trigger = trigger
        self.duration = duration
        self.liftAbove = liftAbove
        self.effects = effects
        self.meansFactor = meansFactor
        self.creditFactor = creditFactor
        self.initialShare = initialShare
        self.initialPoints = initialPoints
    }

    /// At most this many sanctions.
    public static let maximumCount = 8
}
