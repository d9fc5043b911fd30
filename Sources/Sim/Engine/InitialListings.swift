import Agents

/// The lists' members when a run starts (`initial_share` of a sanction), written into the state
/// before the first tick (docs/MODEL.md, "Blacklists and sanctions").
///
/// Citizen i is on list k with probability `initial_share`, decided by word 0 of the Philox block
/// (i, tick 0, initialListing, k); a time-limited listing has word 1's uniform share of its term
/// left (1 to `duration` ticks), a permanent one stays permanent; the score (true and recorded)
/// moves by `initial_points` times word 2's uniform in (0, 1). A list triggered by another list
/// starts with that list's members. Initial listings are rightful, and are neither new listings
/// nor counted in any tick's flows.
enum InitialListings {
    /// Lists the initial members of `scenario`'s sanctions in `state`; a no-op when no sanction
    /// has an initial share.
    static func apply(scenario: Scenario, rules: RunConstants, state: SocietyState) {
        let sanctions = scenario.regime.sanctions
        guard sanctions.contains(where: { $0.initialShare > 0 }) else { return }
        let score = scenario.regime.score
        let stepCount = Int32(score.stepCount)
        for citizen in 0..<state.count {
            var mask: UInt8 = 0
            var steps = state.score[citizen]
            for (index, sanction) in sanctions.enumerated() {
                let constants = rules.sanctions.lists[index]
                if constants.trigger == SanctionMechanism.List.listed {
                    if mask & (1 << UInt8(constants.follows)) != 0 {
                        state.sanctionLeft[index][citizen] = 1
                        mask |= 1 << UInt8(index)
                    }
                    continue
                }
                guard sanction.initialShare > 0 else { continue }
                let draws = Philox4x32.block(
                    Philox4x32.Counter(
                        UInt32(citizen), 0, RandomPurpose.initialListing.rawValue, UInt32(index)),
                    key: rules.key)
                guard uniform(draws[0]) < sanction.initialShare else { continue }
                state.sanctionLeft[index][citizen] =
                    constants.duration == SocietyState.permanent
                    ? SocietyState.permanent : UInt16(1 + (UInt64(draws[1]) &* UInt64(constants.duration)) >> 32)
                steps += score.stepDelta(sanction.initialPoints * uniform(draws[2]))
                steps = min(max(steps, 0), stepCount)
                mask |= 1 << UInt8(index)
            }
            guard mask != 0 else { continue }
            state.score[citizen] = steps
            state.trueScore[citizen] = steps
            let word =
                SignalWord.present | rules.sanctions.wordBits(listedMask: mask)
                | rules.score.scoreFraction(steps) << SignalWord.scoreShift
            state.current[citizen] = word
            state.next[citizen] = word
        }
    }

    /// Word `word` as a uniform in (0, 1).
    private static func uniform(_ word: UInt32) -> Double {
        (Double(word) + 0.5) * 0x1p-32
    }
}
