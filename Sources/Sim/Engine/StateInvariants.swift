/// What must hold of a society's state after every tick (docs/ARCHITECTURE.md, "Invariants"):
/// checked after each tick in debug builds, and by the tests after every tick of runs with every
/// mechanism on.
struct StateInvariants {
    let state: SocietyState
    let graph: SocialGraph
    let rules: RunConstants

    /// The invariants that do not hold, one line each naming a citizen, at most `limit`; empty
    /// when all hold.
    func violations(limit: Int = 10) -> [String] {
        var found: [String] = []
        func fail(_ citizen: Int, _ message: @autoclosure () -> String) {
            if found.count < limit { found.append("citizen \(citizen): \(message())") }
        }
        let stepCount = rules.score.stepCount
        let tracksTrueScore = rules.runsRegime && rules.sanctions.count > 0
        var recount = [UInt32](repeating: 0, count: state.count)
        for citizen in 0..<state.count {
            let word = state.current[citizen]
            let steps = state.score[citizen]
            if !(0...stepCount).contains(steps) { fail(citizen, "score \(steps) steps, outside 0...\(stepCount)") }
            if tracksTrueScore && !(0...stepCount).contains(state.trueScore[citizen]) {
                fail(citizen, "true score \(state.trueScore[citizen]) steps, outside 0...\(stepCount)")
            }
            if word >> SignalWord.scoreShift != rules.score.scoreFraction(steps) {
                fail(citizen, "word's score fraction \(word >> SignalWord.scoreShift) for a score of \(steps) steps")
            }
            if word & SignalWord.expressedDissent != 0 && word & SignalWord.latentDissent == 0 {
                fail(citizen, "expresses dissent without dissenting privately")
            }
            if word & SignalWord.latentDissent != 0 && word & SignalWord.present == 0 {
                fail(citizen, "dissents while absent")
            }
            let acts = (word >> SignalWord.behaviourShift) & SignalWord.behaviourBits
            if acts & ~rules.conduct.behaviourMask != 0 { fail(citizen, "acts \(acts) beyond the behaviours") }
            checkLists(citizen, word: word, fail: fail)
            var targets: Set<UInt32> = []
            for slot in graph.offsets[citizen]..<graph.offsets[citizen + 1] {
                let target = graph.targets[slot]
                recount[Int(target)] += 1
                if Int(target) == citizen { fail(citizen, "tied to itself in slot \(slot)") }
                if !targets.insert(target).inserted { fail(citizen, "tied twice to \(target)") }
            }
        }
        for citizen in 0..<state.count where state.inDegree[citizen] != recount[citizen] {
            fail(citizen, "in-degree \(state.inDegree[citizen]) but \(recount[citizen]) slots point at it")
        }
        return found
    }

    /// The lists' invariants for `citizen`, whose word is `word`.
    private func checkLists(_ citizen: Int, word: UInt32, fail: (Int, @autoclosure () -> String) -> Void) {
        let sanctions = rules.sanctions
        var mask: UInt8 = 0
        for index in 0..<sanctions.count {
            let left = state.sanctionLeft[index][citizen]
            if left > 0 { mask |= 1 << UInt8(index) }
            let list = sanctions.lists[index]
            if list.trigger == SanctionMechanism.List.listed {
                let expected: UInt16 = state.sanctionLeft[Int(list.follows)][citizen] > 0 ? 1 : 0
                if left != expected { fail(citizen, "list \(index) holds \(left), its followed list says \(expected)") }
            } else if left > list.duration && left != SocietyState.permanent {
                fail(citizen, "\(left) ticks left on list \(index), longer than its \(list.duration)")
            }
            if state.wrongfulListings[citizen] & (1 << UInt8(index)) != 0 && left == 0 {
                fail(citizen, "a wrongful listing on list \(index), which it is not on")
            }
        }
        let listBits = SignalWord.listed | SignalWord.travelBanned | SignalWord.schoolRestricted
        let expected = sanctions.wordBits(listedMask: mask) & listBits
        if word & listBits != expected {
            fail(citizen, "word's list bits \(word & listBits), its lists say \(expected)")
        }
        if rules.runsRegime && rules.tracksStigma {
            let stigmatized =
                mask != 0 || state.status[citizen] & SocietyState.Status.dissentOnRecord != 0
                || state.score[citizen] < rules.ties.stigmaBelowSteps
            if (word & SignalWord.stigmatized != 0) != stigmatized {
                fail(citizen, "stigmatized bit \(word & SignalWord.stigmatized != 0), its record says \(stigmatized)")
            }
        } else if (word & SignalWord.stigmatized != 0) != (mask != 0) {
            fail(citizen, "stigmatized bit without stigma tracked must follow the lists")
        }
    }
}
