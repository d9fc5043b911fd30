/// Finite, adaptive policing of dissent (Epstein 2002): a fixed number of watchers allocated over
/// districts of consecutive citizens and moved toward districts with recent dissent. Keys,
/// defaults, ranges and sources: ``ScenarioKeys``.
///
/// Off (capacity 0) by default: detection then follows `surveillance.dissent.coverage`.
public struct Policing: Sendable, Equatable {
    /// Watchers per citizen, over the whole population; 0 turns policing off.
    public var capacity: Double
    /// Citizens per district (the last district may be smaller).
    public var districtSize: Int
    /// Citizens in a field of view: each district is cut into beats of this many consecutive
    /// citizens, which share their watchers in view and count each other's dissent.
    public var vision: Int
    /// Share of the watchers the regime allocates in proportion to recent dissent, in [0, 1]; the
    /// rest is spread evenly.
    public var focus: Double
    /// Expressed dissent, as a share of the population, that the regime treats as routine: the
    /// focused watchers follow dissent in proportion to its count plus this level spread by size.
    public var alarm: Double
    /// Share of the gap to the target allocation closed per tick, in (0, 1].
    public var reallocation: Double
    /// Ticks between the dissent the regime sees and the allocation it aims at.
    public var lag: Int

    /// Whether policing replaces coverage-based detection.
    public var enabled: Bool { capacity > 0 }

    public init(
        capacity: Double = 0, districtSize: Int = 1000, vision: Int = 80, focus: Double = 0.5, alarm: Double = 0.01,
        reallocation: Double = 0.2, lag: Int = 3
    ) {
        self.capacity = capacity
        self.districtSize = districtSize
        self.vision = vision
        self.focus = focus
        self.alarm = alarm
        self.reallocation = reallocation
        self.lag = lag
    }
}
