import Agents

/// Trips: each tick each present citizen may try to buy a flight or a high-speed rail journey, at
/// rates that rise with its effective means and its transport discounts; a trip of a mode its
/// lists ban is blocked (docs/MODEL.md, "Trips").
///
/// Simulated only when something reads trips (``Regime/readsTrips``). One uniform u per citizen
/// and tick, word 0 of its precomputed block (citizen, t+1, trips, 0), decides: a flight when
/// u < r_f, a rail journey when r_f ≤ u < r_f + r_r, where r = rate × the citizen's trip weight
/// (``LogMeansCache``) × the trip boosts of the perks it holds at t.
struct TripMechanism {
    /// The trips' constants for one run.
    struct Constants: MechanismConstants {
        /// Whether trips are simulated.
        let simulated: Bool
        /// Flights and rail journeys per citizen per tick, on average over citizens with factor 1.
        let flightRate: Float
        let railRate: Float
        /// One bit per list that bans flights; that bans rail.
        let flightBanMask: UInt8
        let railBanMask: UInt8
        /// A bound on (flight rate + rail rate) × the perks' trip boosts, for any perks held, a
        /// little above the exact product so that rounding never makes it too small: a draw at
        /// or above it times the trip weight is no trip, and needs no perk lookup.
        let tripBound: Float
        /// Whether the trip pass must refresh the citizen's means cache itself: the behaviour choice
        /// refreshes it first when there are behaviours.
        let refreshesMeans: Bool

        /// Trips are part of the regime; travel bans' reading of tie kinds is the sanctions'.
        var needs: TickNeeds { simulated ? .regime : [] }

        init(scenario: Scenario) {
            let sanctions = scenario.regime.sanctions
            simulated = scenario.regime.readsTrips
            flightRate = Float(scenario.trips.flightRate)
            railRate = Float(scenario.trips.railRate)
            flightBanMask = SanctionMechanism.Constants.mask(sanctions, [.flightBan])
            railBanMask = SanctionMechanism.Constants.mask(sanctions, [.railBan])
            refreshesMeans = scenario.behaviours.isEmpty
            let boosts = scenario.regime.perks.filter { $0.effects.contains(.transportDiscount) }
                .map { 1 + scenario.trips.priceElasticity * $0.transportDiscount }
            tripBound = Float(
                (scenario.trips.flightRate + scenario.trips.railRate) * boosts.reduce(1, *) * (1 + 0x1p-16))
        }
    }

    let constants: Constants
    let perks: PerkMechanism.Constants
    let sanctions: SanctionMechanism
    let means: LogMeansCache.Access
    /// Scores and detention at t.
    let score: UnsafePointer<Int32>
    let detentionLeft: UnsafePointer<UInt16>

    init(
        _ constants: Constants, perks: PerkMechanism.Constants, sanctions: SanctionMechanism,
        logMeans: LogMeansCache, state: SocietyState
    ) {
        self.constants = constants
        self.perks = perks
        score = UnsafePointer(state.score.base)
        detentionLeft = UnsafePointer(state.detentionLeft.base)
        self.sanctions = sanctions
        means = logMeans.access
    }

    /// The trips at t+1 of the citizens of `block` who are present then (not detained at t), with
    /// their lists, scores and perks at t. A pass over the block before the citizens' steps, which
    /// change none of what it reads; `draws` holds the block's trip blocks.
    @inline(never)
    func travel(_ block: Range<Int>, draws: BlockDraws, tally: inout ChunkTally) {
        let slot = draws.layout.trips.unsafelyUnwrapped
        for citizen in block where detentionLeft[citizen] == 0 {
            if constants.refreshesMeans {
                let listedMask = sanctions.listing(citizen, count: sanctions.constants.count)
                means.refresh(
                    citizen,
                    factor: perks.withMeansBonuses(sanctions.meansFactor(listedMask: listedMask), steps: score[citizen])
                )
            }
            let weight = means.tripWeights[citizen]
            let u = (Float(draws[slot, citizen - block.lowerBound][0] >> 8) + 0.5) * 0x1p-24
            guard u < constants.tripBound * weight else { continue }
            attempt(u, citizen: citizen, weight: weight, tally: &tally)
        }
    }

    /// The trip, if any, of `citizen`, whose draw `u` fell below the bound: its mode from its
    /// `weight` and the trip boosts of the perks it holds, blocked when one of its lists bans it.
    @inline(__always)
    private func attempt(_ u: Float, citizen: Int, weight: Float, tally: inout ChunkTally) {
        let weight = perks.boostsTrips ? weight * perks.tripBoost(steps: score[citizen]) : weight
        let listedMask = sanctions.listing(citizen, count: sanctions.constants.count)
        let flight = constants.flightRate * weight
        if u < flight {
            tally[.flightAttempts] += 1
            if listedMask & constants.flightBanMask != 0 { tally[.flightsBlocked] += 1 }
        } else if u < flight + constants.railRate * weight {
            tally[.railAttempts] += 1
            if listedMask & constants.railBanMask != 0 { tally[.railTripsBlocked] += 1 }
        }
    }
}
