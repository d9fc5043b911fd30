/// How often citizens try to travel by air and by high-speed rail, and how means and fares move
/// that. Keys, defaults, ranges and sources: ``ScenarioKeys``; the rule: docs/MODEL.md, "Trips".
public struct Trips: Sendable, Equatable {
    /// Flights per citizen per tick (day), averaged over the population with every means factor 1.
    public var flightRate: Double
    /// High-speed rail journeys per citizen per tick, averaged likewise.
    public var railRate: Double
    /// ε: a citizen's rates scale with its effective means to the power ε.
    public var meansElasticity: Double
    /// Trips rise by this times a transport discount (the fare elasticity's magnitude).
    public var priceElasticity: Double

    public init(
        flightRate: Double = 0.001146, railRate: Double = 0.004481, meansElasticity: Double = 1.8,
        priceElasticity: Double = 0.8
    ) {
        self.flightRate = flightRate
        self.railRate = railRate
        self.meansElasticity = meansElasticity
        self.priceElasticity = priceElasticity
    }
}
