import CVector

/// Blacklists and sanctions: who is listed, for how long, when a listing is wrongful, and what a
/// listing does to the citizen's signal word (docs/MODEL.md, "Blacklists and sanctions").
///
/// Lists are evaluated in scenario order after the score update; a list that follows another
/// holds exactly that list's members. Effects on other mechanisms are theirs to apply: travel
/// bans hide distant ties in the tie sums and block trips, job blocks and loan and property bans
/// lower means in the behaviour choice and the trips, the internet throttle makes online acts
/// impossible.
struct SanctionMechanism {
    /// One list's constants, as the kernel reads them.
    struct List: BitwiseCopyable {
        /// ``scoreBelow``, ``record`` or ``listed``.
        var trigger: Int32
        /// For `scoreBelow`: the threshold in grid steps.
        var threshold: Int32 = 0
        /// For `record`: the behaviour's index, or −1 for dissent.
        var behaviour: Int32 = -1
        /// For `listed`: the index of the list followed.
        var follows: Int32 = 0
        /// Ticks a listing lasts, or ``SocietyState/permanent``.
        var duration: UInt16 = SocietyState.permanent
        /// Delist once the score reaches this many steps (Int32.max: never).
        var lift: Int32 = Int32.max
        /// Means multiplier while listed: job-block's factor times the credit factor of a loan or
        /// property ban (1 without these effects).
        var meansFactor: Float = 1

        static let scoreBelow: Int32 = 0
        static let record: Int32 = 1
        static let listed: Int32 = 2
    }

    /// The lists' constants for one run.
    struct Constants: MechanismConstants {
        let count: Int
        /// Per list, kept by the run's ``ConstantTables``.
        let lists: UnsafePointer<List>
        /// One bit per list with each effect the tick applies here.
        let flightBanMask: UInt8
        let railBanMask: UInt8
        let travelBanMask: UInt8
        let schoolMask: UInt8

        /// Travel bans hide distant ties and school restrictions reach family ties, so those
        /// read tie kinds.
        var needs: TickNeeds {
            if travelBanMask != 0 || schoolMask != 0 { return .tieKinds }
            return count > 0 ? .regime : []
        }

        init(scenario: Scenario, tables: ConstantTables) {
            let sanctions = scenario.regime.sanctions
            let score = scenario.regime.score
            let names = sanctions.map(\.name)
            count = sanctions.count
            lists = UnsafePointer(
                tables.keep(
                    sanctions.map { sanction in
                        var list: List
                        switch sanction.trigger {
                        case .scoreBelow(let value):
                            list = List(trigger: List.scoreBelow)
                            list.threshold = score.thresholdSteps(value)
                        case .record(let act):
                            list = List(trigger: List.record)
                            list.behaviour = Int32(scenario.behaviours.firstIndex { $0.name == act } ?? -1)
                        case .listed(let other):
                            list = List(trigger: List.listed)
                            list.follows = Int32(names.firstIndex(of: other)!)
                        }
                        if let duration = sanction.duration {
                            list.duration = UInt16(clamping: min(duration, Int(SocietyState.permanent) - 1))
                        }
                        if let lift = sanction.liftAbove { list.lift = score.thresholdSteps(lift) }
                        var meansFactor = sanction.effects.contains(.jobBlock) ? sanction.meansFactor : 1
                        if !Set(sanction.effects).isDisjoint(with: [.loanBan, .propertyBan]) {
                            meansFactor *= sanction.creditFactor
                        }
                        list.meansFactor = Float(meansFactor)
                        return list
                    }))
            flightBanMask = Self.mask(sanctions, [.flightBan])
            railBanMask = Self.mask(sanctions, [.railBan])
            travelBanMask = flightBanMask | railBanMask
            schoolMask = Self.mask(sanctions, [.schoolRestriction])
        }

        /// One bit per sanction of `sanctions` with any of `effects`.
        static func mask(_ sanctions: [Sanction], _ effects: Set<Sanction.Effect>) -> UInt8 {
            var mask: UInt8 = 0
            for (index, sanction) in sanctions.enumerated() where !effects.isDisjoint(with: sanction.effects) {
                mask |= 1 << UInt8(index)
            }
            return mask
        }

        /// The signal-word bits of a citizen on the lists of `mask`.
        @inline(__always)
        func wordBits(listedMask mask: UInt8) -> UInt32 {
            var bits: UInt32 = 0
            if mask != 0 { bits |= SignalWord.listed | SignalWord.stigmatized }
            if mask & travelBanMask != 0 { bits |= SignalWord.travelBanned }
            if mask & schoolMask != 0 { bits |= SignalWord.schoolRestricted }
            return bits
        }
    }

    let constants: Constants
    /// Per list, the column of ticks left on it.
    let sanctionLeft: UnsafePointer<UnsafeMutablePointer<UInt16>>
    let wrongfulListings: UnsafeMutablePointer<UInt8>

    init(_ constants: Constants, state: SocietyState) {
        self.constants = constants
        sanctionLeft = UnsafePointer(state.sanctionColumns.base)
        wrongfulListings = state.wrongfulListings.base
    }

    /// The lists `citizen` is on at tick t among the first `count`, as a mask.
    @inline(__always)
    func listing(_ citizen: Int, count: Int) -> UInt8 {
        var mask: UInt8 = 0
        for index in 0..<count where sanctionLeft[index][citizen] > 0 {
            mask |= 1 << UInt8(index)
        }
        return mask
    }

    /// The product of the means factors (job blocks, loan and property bans) of the lists in
    /// `listedMask`, in list order.
    @inline(__always)
    func meansFactor(listedMask: UInt8) -> Float {
        var factor: Float = 1
        if listedMask != 0 {
            for index in 0..<constants.count where listedMask & (1 << UInt8(index)) != 0 {
                factor *= constants.lists[index].meansFactor
            }
        }
        return factor
    }

    /// Counts a citizen with a family tie under a school restriction.
    @inline(__always)
    func countSchoolRestriction(seen: Neighbourhood, tally: inout ChunkTally) {
        if seen.schoolRestricted { tally[.schoolRestricted] += 1 }
    }

    /// Expires, lifts and triggers the citizen's listings from its clamped scores and this tick's
    /// records, and adds the lists' bits to its word.
    func update(_ now: inout CitizenTick, tally: inout ChunkTally) {
        let citizen = now.citizen
        var newMask: UInt8 = 0
        var wrongful = wrongfulListings[citizen]
        for index in 0..<constants.count {
            let bit = UInt8(1) << UInt8(index)
            var left = sanctionLeft[index][citizen]
            let list = constants.lists[index]
            if list.trigger == List.listed {
                let followed = UInt8(1) << UInt8(list.follows)
                let following = newMask & followed != 0
                if following && left == 0 {
                    tally[.newListings] += 1
                    if wrongful & followed != 0 {
                        wrongful |= bit
                        tally[.wrongfulSanctions] += 1
                    }
                } else if !following && left > 0 {
                    tally[.delistings] += 1
                    wrongful &= ~bit
                }
                left = following ? 1 : 0
            } else if left > 0 {
                if left != SocietyState.permanent { left -= 1 }
                if left > 0 && now.steps >= list.lift { left = 0 }
                if left == 0 {
                    tally[.delistings] += 1
                    wrongful &= ~bit
                }
            } else {
                var triggered: Bool
                var falsely: Bool
                if list.trigger == List.scoreBelow {
                    triggered = now.steps < list.threshold
                    falsely = now.trueSteps >= list.threshold
                } else if list.behaviour >= 0 {
                    let behaviourBit = UInt32(1) << UInt32(list.behaviour)
                    triggered = now.records.behaviours & behaviourBit != 0
                    falsely = now.records.falseBehaviours & behaviourBit != 0
                } else {
                    triggered = now.records.dissent
                    falsely = now.records.falseDissent
                }
                if triggered {
                    left = list.duration
                    tally[.newListings] += 1
                    if falsely {
                        wrongful |= bit
                        tally[.wrongfulSanctions] += 1
                    }
                }
            }
            sanctionLeft[index][citizen] = left
            if left > 0 {
                newMask |= bit
                tally.listed[index] &+= 1
            }
        }
        wrongfulListings[citizen] = wrongful
        if newMask & constants.flightBanMask != 0 { tally[.flightBarred] += 1 }
        if newMask & constants.railBanMask != 0 { tally[.railBarred] += 1 }
        now.word |= constants.wordBits(listedMask: newMask)
    }
}
