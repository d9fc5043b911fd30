/// Perks for high scorers: who holds them at tick t and what they give (docs/MODEL.md, "Perks").
///
/// A perk is held by scores at least a fixed value, or by the top share of scores at t; the
/// simulation sets each perk's minimum score between ticks
/// (``Constants/updateMinimumSteps(histogram:population:)``).
/// Its effects act through other mechanisms: means bonuses in the behaviour choice and the trips,
/// transport discounts in the trips, hospital priority in grievance (the dissent rule), dating
/// boosts in the ties, positional ambition (under rank perks) in the behaviour choice.
enum PerkMechanism {
    /// One perk's constants, as the kernel reads them.
    struct Perk: BitwiseCopyable {
        /// For a rank perk, the top share q (0 for a threshold perk).
        var rankShare: Double = 0
        /// For a threshold perk, the minimum score in grid steps.
        var fixedSteps: Int32 = Int32.max
        var datingRate: Double = 0
        var meansBonus: Float = 0
        /// Trip rates' multiplier under transport-discount: 1 + price elasticity × discount (1 without).
        var tripBoost: Float = 1
        /// Hardship's multiplier under hospital-priority: 1 − relief (1 without).
        var hardshipFactor: Float = 1
    }

    /// The perks' constants for one run.
    struct Constants: MechanismConstants {
        let count: Int
        /// Per perk, kept by the run's ``ConstantTables``.
        let perks: UnsafePointer<Perk>
        /// Per perk, the minimum score (grid steps) to hold it at the current tick: the one
        /// constant that changes between ticks (kept by the run's ``ConstantTables``).
        let minimumSteps: UnsafeMutablePointer<Int32>
        /// Whether a perk goes to the top share of scores, which makes ambition positional.
        let ranked: Bool
        /// Whether a perk boosts dating.
        let dating: Bool
        /// Whether a perk raises trip rates; whether one relieves hardship.
        let boostsTrips: Bool
        let relievesHardship: Bool

        /// Perks are part of the regime; their effects' needs are stated by the mechanisms that
        /// apply them.
        var needs: TickNeeds { count > 0 ? .regime : [] }

        init(scenario: Scenario, tables: ConstantTables) {
            let score = scenario.regime.score
            let perks = scenario.regime.perks.map { perk in
                var constants = Perk()
                switch perk.trigger {
                case .scoreAbove(let value): constants.fixedSteps = score.thresholdSteps(value)
                case .topShare(let share): constants.rankShare = share
                }
                if perk.effects.contains(.datingBoost) { constants.datingRate = perk.datingRate }
                if perk.effects.contains(.meansBonus) { constants.meansBonus = Float(perk.meansBonus) }
                if perk.effects.contains(.transportDiscount) {
                    constants.tripBoost = Float(1 + scenario.trips.priceElasticity * perk.transportDiscount)
                }
                if perk.effects.contains(.hospitalPriority) {
                    constants.hardshipFactor = Float(1 - perk.hardshipRelief)
                }
                return constants
            }
            count = perks.count
            self.perks = UnsafePointer(tables.keep(perks))
            minimumSteps = tables.keep([Int32](repeating: Int32.max, count: perks.count))
            ranked = perks.contains { $0.rankShare > 0 }
            dating = perks.contains { $0.datingRate > 0 }
            boostsTrips = perks.contains { $0.tripBoost != 1 }
            relievesHardship = perks.contains { $0.hardshipFactor != 1 }
        }

        /// Whether a citizen with `steps` holds perk `perk` at the current tick.
        @inline(__always)
        func holds(_ perk: Int, steps: Int32) -> Bool {
            steps >= minimumSteps[perk]
        }

        /// `factor` times 1 + the means bonus of every perk a citizen with `steps` holds.
        @inline(__always)
        func withMeansBonuses(_ factor: Float, steps: Int32) -> Float {
            factor * product(steps: steps) { 1 + $0.meansBonus }
        }

        /// The product of the trip boosts (transport discounts) of every perk a citizen with `steps`
        /// holds.
        @inline(__always)
        func tripBoost(steps: Int32) -> Float {
            product(steps: steps) { $0.tripBoost }
        }

        /// The product of the hardship factors (hospital priority) of every perk a citizen with
        /// `steps` holds: what its hardship is multiplied by in grievance.
        @inline(__always)
        func hardshipFactor(steps: Int32) -> Float {
            product(steps: steps) { $0.hardshipFactor }
        }

        /// The product, in perk order, of `factor(perk)` over the perks a citizen with `steps`
        /// holds whose factor is not 1.
        @inline(__always)
        private func product(steps: Int32, _ factor: (Perk) -> Float) -> Float {
            var product: Float = 1
            for index in 0..<count {
                let value = factor(perks[index])
                if value != 1 && holds(index, steps: steps) { product *= value }
            }
            return product
        }

        /// The highest dating rate among the perks a citizen with `steps` holds (0 for none).
        @inline(__always)
        func datingRate(steps: Int32) -> Double {
            var rate = 0.0
            for index in 0..<count where perks[index].datingRate > rate {
                if holds(index, steps: steps) { rate = perks[index].datingRate }
            }
            return rate
        }

        /// Sets each perk's minimum score from `histogram` (citizens per grid step, `population`
        /// in all): the fixed value of a threshold perk, the score of the ⌈qN⌉-th best citizen
        /// (ties included) of a rank perk.
        func updateMinimumSteps(histogram: UnsafeBufferPointer<UInt64>, population: Int) {
            let n = UInt64(population)
            for index in 0..<count {
                let perk = perks[index]
                guard perk.rankShare > 0 else {
                    minimumSteps[index] = perk.fixedSteps
                    continue
                }
                let holders = UInt64((perk.rankShare * Double(n)).rounded(.up))
                var seen: UInt64 = 0
                for bin in stride(from: histogram.count - 1, through: 0, by: -1) {
                    seen += histogram[bin]
                    if seen >= holders {
                        minimumSteps[index] = Int32(bin)
                        break
                    }
                }
            }
        }
    }
}
