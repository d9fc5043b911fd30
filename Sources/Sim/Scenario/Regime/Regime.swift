/// What the regime watches, how it scores, and how it punishes.
///
/// Each mechanism is its own value so later mechanisms (behaviours, sanctions, perks, peer rating)
/// are added beside these without changing them.
public struct Regime: Sendable, Equatable {
    /// Recording probabilities per channel.
    public var surveillance: Surveillance
    /// The score: range, points, recovery.
    public var score: ScoreRules
    /// Detention after recorded dissent.
    public var detention: DetentionRules
    /// Finite, adaptive policing of dissent (off by default).
    public var policing: Policing
    /// Blacklists and sanctions, evaluated in order; at most ``Sanction/maximumCount``.
    public var sanctions: [Sanction]
    /// Perks; at most ``Perk/maximumCount``.
    public var perks: [Perk]
    /// Peer rating.
    public var peerRating: PeerRating
    /// Score visibility and tie cutting.
    public var visibility: Visibility

    public init(
        surveillance: Surveillance = Surveillance(), score: ScoreRules = ScoreRules(),
        detention: DetentionRules = DetentionRules(), policing: Policing = Policing(), sanctions: [Sanction] = [],
        perks: [Perk] = [],
        peerRating: PeerRating = PeerRating(), visibility: Visibility = Visibility()
    ) {
        self.surveillance = surveillance
        self.score = score
        self.detention = detention
        self.policing = policing
        self.sanctions = sanctions
        self.perks = perks
        self.peerRating = peerRating
        self.visibility = visibility
    }

    /// Whether anything reads citizens' trips: a list that bans flights or rail, or a perk that
    /// discounts transport. Trips are simulated, and their columns written, only then.
    public var readsTrips: Bool {
        sanctions.contains { $0.effects.contains(.flightBan) || $0.effects.contains(.railBan) }
            || perks.contains { $0.effects.contains(.transportDiscount) }
    }
}
