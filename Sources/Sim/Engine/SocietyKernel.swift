import Agents

/// The per-citizen work of one tick over one chunk of citizens: every mechanism of the model.
///
/// For each citizen it reads tick t's signal words of its ties once, then decides tick t+1:
/// dissent, everyday behaviours, records (true and false), peer ratings, score, lists, and, with
/// public scores, tie cutting. It holds raw pointers into the run's columns; workers call it on
/// disjoint citizen ranges, and a citizen only writes its own state, its own slots and (atomically)
/// in-degrees.
struct SocietyKernel: @unchecked Sendable {
    let rules: RunConstants
    let tick: TickInputs
    let detentionTicks: Distribution
    let hardship: UnsafeMutablePointer<Float>
    let riskAversion: UnsafeMutablePointer<Float>
    let threshold: UnsafeMutablePointer<Float>
    let conformity: UnsafeMutablePointer<Float>
    let ambition: UnsafeMutablePointer<Float>
    let means: UnsafeMutablePointer<Float>
    let offsets: UnsafeMutablePointer<Int>
    let targets: UnsafeMutablePointer<UInt32>
    let kinds: UnsafeMutablePointer<UInt8>
    let current: UnsafeMutablePointer<UInt32>
    let next: UnsafeMutablePointer<UInt32>
    let score: UnsafeMutablePointer<Int32>
    let trueScore: UnsafeMutablePointer<Int32>
    let detentionLeft: UnsafeMutablePointer<UInt16>
    let status: UnsafeMutablePointer<UInt8>
    /// One column per sanction.
    let sanctionLeft: UnsafeMutablePointer<UnsafeMutablePointer<UInt16>>
    let wrongfulListings: UnsafeMutablePointer<UInt8>
    let state: SocietyState
    let citizenCount: Int
    let detectionTable: UnsafeMutablePointer<Float>
    let detectionTableSize: Int
    let histograms: UnsafeMutablePointer<UInt64>
    let bins: Int
    /// Per worker, ``Behaviour/maximumCount`` counts of ties who did each behaviour.
    let behaviourCounts: UnsafeMutablePointer<Float>
    let generators: WorkerGenerators

    init(
        rules: RunConstants, tick: TickInputs, population: Population, graph: SocialGraph, state: SocietyState,
        detentionTicks: Distribution, detectionTable: Column<Float>, histograms: Column<UInt64>, bins: Int,
        behaviourCounts: Column<Float>,
        generators: WorkerGenerators
    ) {
        self.rules = rules
        self.tick = tick
        self.detentionTicks = detentionTicks
        hardship = population.column(.hardship).base
        riskAversion = population.column(.riskAversion).base
        threshold = population.column(.threshold).base
        conformity = population.column(.conformity).base
        ambition = population.column(.ambition).base
        means = population.column(.means).base
        offsets = graph.offsets.base
        targets = graph.targets.base
        kinds = graph.kinds.base
        current = state.current.base
        next = state.next.base
        score = state.score.base
        trueScore = state.trueScore.base
        detentionLeft = state.detentionLeft.base
        status = state.status.base
        sanctionLeft = state.sanctionColumns.base
        wrongfulListings = state.wrongfulListings.base
        self.state = state
        citizenCount = state.count
        self.detectionTable = detectionTable.base
        detectionTableSize = detectionTable.count
        self.histograms = histograms.base
        self.bins = bins
        self.behaviourCounts = behaviourCounts.base
        self.generators = generators
    }

    /// What a citizen sees of its ties at tick t.
    struct Neighbourhood {
        var active: Int32 = 0
        var dissenting: Int32 = 0
        var listedTies: Int32 = 0
        var listedWeight: Float = 0
        var scoreWeight: Float = 0
        var weightedScoreFraction: Float = 0
        var outranking: Int32 = 0
        var stigmatized: Int32 = 0
        var schoolRestricted = false
    }

    /// What a citizen did and suffered this tick, beyond its score.
    struct Acts {
        var word: UInt32 = SignalWord.present
        /// Behaviours with a record this tick (true or false), and those recorded only falsely.
        var recorded: UInt32 = 0
        var falselyRecorded: UInt32 = 0
        var dissentRecorded = false
        var dissentFalselyRecorded = false
        var infraction = false
    }

    /// Computes tick t+1 for `citizens` and returns their tally; `worker` selects scratch space.
    func run(citizens: Range<Int>, worker: Int) -> ChunkTally {
        var tally = ChunkTally()
        let histogram = histograms + worker * bins
        for citizen in citizens {
            let steps = step(citizen, worker: worker, tally: &tally)
            histogram[Int(steps)] &+= 1
        }
        return tally
    }

    @inline(__always)
    private func step(_ citizen: Int, worker: Int, tally: inout ChunkTally) -> Int32 {
        let previousSteps = score[citizen]
        var steps = recovered(previousSteps)
        let previousTrueSteps = rules.sanctionCount > 0 ? trueScore[citizen] : previousSteps
        var trueSteps = recovered(previousTrueSteps)
        var listedMask: UInt8 = 0
        var permanentlyListed = false
        for index in 0..<rules.sanctionCount {
            let left = sanctionLeft[index][citizen]
            if left > 0 {
                listedMask |= 1 << UInt8(index)
                if left == SocietyState.permanent { permanentlyListed = true }
            }
        }
        var acts = Acts()
        if detentionLeft[citizen] > 0 {
            detentionLeft[citizen] -= 1
            acts.word = 0
            tally.detained += 1
        } else {
            let behaviourCounts = self.behaviourCounts + worker * Behaviour.maximumCount
            let seen =
                rules.needsTieDetails
                ? gather(
                    citizen, ownWord: current[citizen], travelBanned: listedMask & rules.travelBanMask != 0,
                    behaviourCounts: behaviourCounts)
                : gatherDissent(citizen)
            let scoreFraction = Float(steps) / Float(max(rules.stepCount, 1))
            let stake = permanentlyListed ? 0 : scoreFraction * (listedMask != 0 ? rules.listedStake : 1)
            decideDissent(
                citizen, seen: seen, stake: stake, steps: &steps, trueSteps: &trueSteps, acts: &acts, worker: worker,
                tally: &tally)
            if rules.behaviourCount > 0 {
                decideBehaviours(
                    citizen, seen: seen, behaviourCounts: behaviourCounts, stake: stake, listedMask: listedMask,
                    steps: &steps, trueSteps: &trueSteps, acts: &acts, tally: &tally)
            }
            if rules.peerRating {
                receiveRatings(citizen, steps: &steps, trueSteps: &trueSteps, tally: &tally)
            }
            associate(seen: seen, steps: &steps, trueSteps: &trueSteps)
            if !acts.infraction { tally.compliant += 1 }
            if seen.schoolRestricted { tally.schoolRestricted += 1 }
            if rules.publicScores && seen.stigmatized > 0 {
                cutTies(citizen, tally: &tally)
            }
            if rules.perkCount > 0 {
                dateIfBoosted(citizen, steps: previousSteps, tally: &tally)
            }
        }
        steps = min(max(steps, 0), rules.stepCount)
        trueSteps = min(max(trueSteps, 0), rules.stepCount)
        var word = acts.word
        if rules.sanctionCount > 0 {
            let newMask = updateSanctions(citizen, steps: steps, trueSteps: trueSteps, acts: acts, tally: &tally)
            if newMask != 0 { word |= SignalWord.listed | SignalWord.stigmatized }
            if newMask & rules.travelBanMask != 0 { word |= SignalWord.travelBanned }
            if newMask & rules.schoolMask != 0 { word |= SignalWord.schoolRestricted }
        }
        if acts.dissentRecorded { status[citizen] |= SocietyState.Status.dissentOnRecord }
        if rules.tracksStigma
            && (status[citizen] & SocietyState.Status.dissentOnRecord != 0 || steps < rules.stigmaBelowSteps)
        {
            word |= SignalWord.stigmatized
        }
        if steps != previousSteps { score[citizen] = steps }
        if rules.sanctionCount > 0 && trueSteps != previousTrueSteps { trueScore[citizen] = trueSteps }
        next[citizen] = word | rules.scoreFraction(steps) << SignalWord.scoreShift
        return steps
    }

    /// Reads every tie's word of tick t once, counting only what the dissent rule needs: the
    /// branch-free loop the dissent model alone runs.
    @inline(__always)
    private func gatherDissent(_ citizen: Int) -> Neighbourhood {
        var active: UInt32 = 0
        var dissenting: UInt32 = 0
        for slot in offsets[citizen]..<offsets[citizen + 1] {
            let word = current[Int(targets[slot])]
            active &+= (word & SignalWord.present) >> 1
            dissenting &+= word & SignalWord.expressedDissent
        }
        var seen = Neighbourhood()
        seen.active = Int32(active)
        seen.dissenting = Int32(dissenting)
        return seen
    }

    /// Reads every tie's word of tick t once, with everything the regime's mechanisms need.
    @inline(__always)
    private func gather(
        _ citizen: Int, ownWord: UInt32, travelBanned: Bool, behaviourCounts: UnsafeMutablePointer<Float>
    ) -> Neighbourhood {
        var seen = Neighbourhood()
        behaviourCounts.update(repeating: 0, count: rules.behaviourCount)
        let ownFraction = ownWord >> SignalWord.scoreShift
        for slot in offsets[citizen]..<offsets[citizen + 1] {
            let word = current[Int(targets[slot])]
            var weight: Float = 1
            if rules.readsKinds {
                let kind = kinds[slot]
                if kind == TieKind.family.rawValue {
                    weight = rules.familyWeight
                    if word & SignalWord.schoolRestricted != 0 { seen.schoolRestricted = true }
                } else if kind == TieKind.distant.rawValue
                    && (travelBanned || word & SignalWord.travelBanned != 0)
                {
                    continue
                }
            }
            guard word & SignalWord.present != 0 else { continue }
            seen.active &+= 1
            seen.dissenting &+= Int32(truncatingIfNeeded: word & SignalWord.expressedDissent)
            var behaviours = (word >> SignalWord.behaviourShift) & SignalWord.behaviourBits
            while behaviours != 0 {
                behaviourCounts[behaviours.trailingZeroBitCount] += 1
                behaviours &= behaviours &- 1
            }
            if word & SignalWord.listed != 0 {
                seen.listedTies &+= 1
                seen.listedWeight += weight
            }
            if rules.publicScores && word & SignalWord.stigmatized != 0 { seen.stigmatized &+= 1 }
            let fraction = word >> SignalWord.scoreShift
            if rules.associationPull > 0 {
                seen.scoreWeight += weight
                seen.weightedScoreFraction += weight * Float(fraction)
            }
            if rules.positionalAmbition && fraction > ownFraction { seen.outranking &+= 1 }
        }
        return seen
    }

    /// The threshold rule, recording, false records and detention (docs/MODEL.md, "Public dissent").
    @inline(__always)
    private func decideDissent(
        _ citizen: Int, seen: Neighbourhood, stake: Float, steps: inout Int32, trueSteps: inout Int32,
        acts: inout Acts, worker: Int, tally: inout ChunkTally
    ) {
        let dissenting = Int(seen.dissenting)
        let share = DissentRule.dissentingShare(dissenting: dissenting, active: Int(seen.active))
        let privateThreshold = DissentRule.privateThreshold(
            threshold: threshold[citizen],
            grievance: DissentRule.grievance(hardship: hardship[citizen], legitimacy: tick.legitimacy))
        var expressed = false
        if DissentRule.expresses(share: share, threshold: privateThreshold) {
            tally.privateDissent += 1
            acts.word |= SignalWord.privateDissent
            let detection =
                dissenting < detectionTableSize
                ? detectionTable[dissenting]
                : DissentRule.detectionProbability(
                    coverage: rules.dissentCoverage, k: rules.deterrence, dissentingTies: dissenting)
            let effectiveThreshold = DissentRule.threshold(
                privateThreshold: privateThreshold, riskAversion: riskAversion[citizen], detection: detection,
                stake: stake, severity: rules.severity)
            if DissentRule.expresses(share: share, threshold: effectiveThreshold) {
                expressed = true
                acts.word |= SignalWord.expressedDissent
                tally.expressed += 1
                if detection > 0 {
                    var stream = RandomStream(
                        seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .dissentDetection)
                    if stream.nextUniform() < Double(detection) {
                        tally.recordedDissent += 1
                        acts.dissentRecorded = true
                        steps += rules.dissentPenaltySteps
                        trueSteps += rules.dissentPenaltySteps
                        detain(citizen, stream: &stream, worker: worker, tally: &tally)
                    }
                }
            }
        }
        if !expressed && rules.dissentMisidentification > 0 {
            var stream = RandomStream(
                seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .falseDissentRecord)
            if stream.nextUniform() < rules.dissentMisidentification {
                tally.wrongfulRecords += 1
                acts.dissentRecorded = true
                acts.dissentFalselyRecorded = true
                steps += rules.dissentPenaltySteps
                detain(citizen, stream: &stream, worker: worker, tally: &tally)
            }
        }
    }

    /// Starts a detention with the scenario's probability, drawing its length through GSL.
    @inline(__always)
    private func detain(_ citizen: Int, stream: inout RandomStream, worker: Int, tally: inout ChunkTally) {
        guard rules.detentionProbability > 0, stream.nextUniform() < rules.detentionProbability else { return }
        let generator = generators[worker]
        generator.reset(seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .detentionLength)
        let length = detentionTicks.sample(generator).rounded()
        detentionLeft[citizen] = UInt16(clamping: Int(max(1, min(length, Double(UInt16.max)))))
        tally.newDetentions += 1
    }

    /// Everyday behaviours as discrete choice (docs/MODEL.md, "Everyday behaviours").
    ///
    /// Act draws are words of the stream (citizen, t+1, conduct), one per behaviour; record draws
    /// come from ``RecordDraws``, so switching surveillance on or off never changes which acts are
    /// done. One draw u decides false records: behaviour b (in list order) is falsely recorded when
    /// u falls in its slice [Σ_{c<b} m_c, Σ_{c≤b} m_c) of the misidentification rates and b was
    /// not done; so each is falsely recorded with probability m_b, at most one per tick.
    @inline(__always)
    private func decideBehaviours(
        _ citizen: Int, seen: Neighbourhood, behaviourCounts: UnsafeMutablePointer<Float>, stake: Float,
        listedMask: UInt8, steps: inout Int32,
        trueSteps: inout Int32, acts: inout Acts, tally: inout ChunkTally
    ) {
        var meansFactor: Float = 1
        if listedMask != 0 {
            for index in 0..<rules.sanctionCount where listedMask & (1 << UInt8(index)) != 0 {
                meansFactor *= rules.sanctions[index].meansFactor
            }
        }
        for index in 0..<rules.perkCount where rules.perks[index].meansBonus > 0 {
            if tick.holds(perk: index, steps: score[citizen]) { meansFactor *= 1 + rules.perks[index].meansBonus }
        }
        var ambitionWeight = ambition[citizen]
        if rules.positionalAmbition {
            ambitionWeight *= seen.active == 0 ? 0 : Float(seen.outranking) / Float(seen.active)
        }
        let traits = SIMD8<Float>(
            hardship[citizen], riskAversion[citizen], threshold[citizen], conformity[citizen], ambition[citizen],
            Float.log(max(means[citizen] * meansFactor, 1e-6)), 0, 0)
        let inverseActive = seen.active == 0 ? 0 : 1 / Float(seen.active)
        let socialWeight = rules.socialInfluence * conformity[citizen] * inverseActive
        let ambitionStake = ambitionWeight * stake
        var impossible: UInt32 = 0
        if seen.listedTies == 0 { impossible |= rules.listedTieMask }
        if listedMask & rules.throttleMask != 0 { impossible |= rules.onlineMask }
        var actStream = RandomStream(seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .conduct)
        var records = RecordDraws(seed: rules.seed, citizen: citizen, tick: tick.next)
        for b in 0..<rules.behaviourCount {
            let draw = actStream.nextUInt32()
            let bit = UInt32(1) << UInt32(b)
            guard impossible & bit == 0 else { continue }
            let behaviour = rules.behaviours[b]
            let probability = ConductRule.probability(
                behaviour.coefficients, traits: traits, share: behaviourCounts[b], socialWeight: socialWeight,
                ambitionStake: ambitionStake)
            if Double(draw) < Double(probability) * 0x1p32 {
                acts.word |= bit << SignalWord.behaviourShift
                tally.acts[b] &+= 1
                if rules.virtueMask & bit != 0 { tally.virtueActs += 1 } else { acts.infraction = true }
                if behaviour.coverage > 0 && records.recordDraw(behaviour: b) < Double(behaviour.coverage) {
                    acts.recorded |= bit
                    steps += behaviour.pointsSteps
                    trueSteps += behaviour.pointsSteps
                }
            }
        }
        guard rules.misidentificationTotal > 0 else { return }
        var falseDraw = records.falseRecordDraw()
        guard falseDraw < rules.misidentificationTotal else { return }
        for b in 0..<rules.behaviourCount {
            let rate = Double(rules.behaviours[b].misidentification)
            guard falseDraw >= rate else {
                let bit = UInt32(1) << UInt32(b)
                if acts.word & (bit << SignalWord.behaviourShift) == 0 {
                    acts.recorded |= bit
                    acts.falselyRecorded |= bit
                    tally.wrongfulRecords += 1
                    steps += rules.behaviours[b].pointsSteps
                }
                return
            }
            falseDraw -= rate
        }
    }

    /// Ratings received from about `ratingsPerTick` ties (docs/MODEL.md, "Peer rating").
    @inline(__always)
    private func receiveRatings(_ citizen: Int, steps: inout Int32, trueSteps: inout Int32, tally: inout ChunkTally) {
        let start = offsets[citizen]
        let degree = offsets[citizen + 1] - start
        guard degree > 0 else { return }
        var stream = RandomStream(seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .peerRating)
        let whole = rules.ratingsPerTick.rounded(.down)
        let count = Int(whole) + (stream.nextUniform() < rules.ratingsPerTick - whole ? 1 : 0)
        let own = current[citizen]
        let behaviours = (own >> SignalWord.behaviourShift) & SignalWord.behaviourBits
        let honest = PeerRatingRule.honest(
            virtues: (behaviours & rules.virtueMask).nonzeroBitCount,
            infractions: (behaviours & ~rules.virtueMask).nonzeroBitCount)
        let ownFraction = Float(own >> SignalWord.scoreShift) / Float(SignalWord.scoreFractionMax)
        var weightSum: Float = 0
        var weightedRatings: Float = 0
        for _ in 0..<count {
            let rater = current[Int(targets[start + stream.nextIndex(below: degree)])]
            guard rater & SignalWord.present != 0 else { continue }
            let raterFraction = Float(rater >> SignalWord.scoreShift) / Float(SignalWord.scoreFractionMax)
            let raterStake = raterFraction * (rater & SignalWord.listed != 0 ? rules.listedStake : 1)
            let rating = PeerRatingRule.rating(
                honest: honest, raterStake: raterStake, rateeScoreFraction: ownFraction,
                rateeStigmatized: own & SignalWord.stigmatized != 0, inflation: rules.ratingInflation,
                fakeNice: rules.ratingFakeNice, stigma: rules.ratingStigma)
            let weight = PeerRatingRule.weight(raterScoreFraction: raterFraction, raterWeight: rules.raterWeight)
            weightSum += weight
            weightedRatings += weight * Float(rating)
            tally.ratings += 1
            tally.ratingSum += rating
            if rating == 5 { tally.fiveStarRatings += 1 }
        }
        guard weightSum > 0 else { return }
        let target = Float(rules.stepCount) * (weightedRatings / weightSum - 1) / 4
        steps += Int32((rules.ratingResponsiveness * (target - Float(steps))).rounded())
        trueSteps += Int32((rules.ratingResponsiveness * (target - Float(trueSteps))).rounded())
    }

    /// Guilt by association: pull toward ties' scores and a penalty per listed tie.
    @inline(__always)
    private func associate(seen: Neighbourhood, steps: inout Int32, trueSteps: inout Int32) {
        if rules.associationPull > 0 && seen.scoreWeight > 0 {
            let mean =
                seen.weightedScoreFraction / seen.scoreWeight / Float(SignalWord.scoreFractionMax)
                * Float(rules.stepCount)
            steps += Int32((rules.associationPull * (mean - Float(steps))).rounded())
            trueSteps += Int32((rules.associationPull * (mean - Float(trueSteps))).rounded())
        }
        if rules.listedTiePenaltySteps > 0 && seen.listedWeight > 0 {
            let penalty = Int32((rules.listedTiePenaltySteps * seen.listedWeight).rounded())
            steps -= penalty
            trueSteps -= penalty
        }
    }

    /// Expires, lifts and triggers listings; returns the mask of lists the citizen is on at t+1.
    @inline(__always)
    private func updateSanctions(
        _ citizen: Int, steps: Int32, trueSteps: Int32, acts: Acts, tally: inout ChunkTally
    ) -> UInt8 {
        var newMask: UInt8 = 0
        var wrongful = wrongfulListings[citizen]
        for index in 0..<rules.sanctionCount {
            let bit = UInt8(1) << UInt8(index)
            var left = sanctionLeft[index][citizen]
            let sanction = rules.sanctions[index]
            if sanction.trigger == SanctionConstants.listed {
                let followed = UInt8(1) << UInt8(sanction.follows)
                let following = newMask & followed != 0
                if following && left == 0 {
                    tally.newListings += 1
                    if wrongful & followed != 0 {
                        wrongful |= bit
                        tally.wrongfulSanctions += 1
                    }
                } else if !following && left > 0 {
                    tally.delistings += 1
                    wrongful &= ~bit
                }
                left = following ? 1 : 0
            } else if left > 0 {
                if left != SocietyState.permanent { left -= 1 }
                if left > 0 && steps >= sanction.lift { left = 0 }
                if left == 0 {
                    tally.delistings += 1
                    wrongful &= ~bit
                }
            } else {
                var triggered: Bool
                var falsely: Bool
                if sanction.trigger == SanctionConstants.scoreBelow {
                    triggered = steps < sanction.threshold
                    falsely = trueSteps >= sanction.threshold
                } else if sanction.behaviour >= 0 {
                    let behaviourBit = UInt32(1) << UInt32(sanction.behaviour)
                    triggered = acts.recorded & behaviourBit != 0
                    falsely = acts.falselyRecorded & behaviourBit != 0
                } else {
                    triggered = acts.dissentRecorded
                    falsely = acts.dissentFalselyRecorded
                }
                if triggered {
                    left = sanction.duration
                    tally.newListings += 1
                    if falsely {
                        wrongful |= bit
                        tally.wrongfulSanctions += 1
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
        if newMask & rules.flightBanMask != 0 { tally.flightBans += 1 }
        if newMask & rules.railBanMask != 0 { tally.railBans += 1 }
        return newMask
    }

    /// With public scores: cut ties to stigmatized citizens and re-point the slot at a citizen
    /// who is not stigmatized (docs/MODEL.md, "Visibility and isolation").
    @inline(__always)
    private func cutTies(_ citizen: Int, tally: inout ChunkTally) {
        let probability = rules.cutRate * (conformity[citizen] + ambition[citizen]) / 2
        guard probability > 0 else { return }
        var stream = RandomStream(seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .tieCutting)
        for slot in offsets[citizen]..<offsets[citizen + 1] {
            guard current[Int(targets[slot])] & SignalWord.stigmatized != 0 else { continue }
            if !rules.cutFamily && kinds[slot] == TieKind.family.rawValue { continue }
            guard stream.nextUniform() < Double(probability) else { continue }
            if repoint(citizen, slot: slot, stream: &stream) { tally.tiesCut += 1 }
        }
    }

    /// Under a dating-boost perk: with its rate, re-point one non-family slot at a new partner.
    @inline(__always)
    private func dateIfBoosted(_ citizen: Int, steps: Int32, tally: inout ChunkTally) {
        var rate = 0.0
        for index in 0..<rules.perkCount where rules.perks[index].datingRate > rate {
            if tick.holds(perk: index, steps: steps) { rate = rules.perks[index].datingRate }
        }
        guard rate > 0 else { return }
        let start = offsets[citizen]
        let degree = offsets[citizen + 1] - start
        guard degree > 0 else { return }
        var stream = RandomStream(seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .dating)
        guard stream.nextUniform() < rate else { return }
        let slot = start + stream.nextIndex(below: degree)
        guard kinds[slot] != TieKind.family.rawValue else { return }
        if repoint(citizen, slot: slot, stream: &stream) { tally.newTies += 1 }
    }

    /// Points `slot` of `citizen` at a random citizen who is not stigmatized and not already tied
    /// (up to 8 tries); keeps in-degrees exact. Returns whether it moved.
    @inline(__always)
    private func repoint(_ citizen: Int, slot: Int, stream: inout RandomStream) -> Bool {
        for _ in 0..<8 {
            let candidate = stream.nextIndex(below: citizenCount)
            guard candidate != citizen, current[candidate] & SignalWord.stigmatized == 0 else { continue }
            var tied = false
            for other in offsets[citizen]..<offsets[citizen + 1] where Int(targets[other]) == candidate {
                tied = true
                break
            }
            guard !tied else { continue }
            state.addInDegree(-1, to: Int(targets[slot]))
            state.addInDegree(1, to: candidate)
            targets[slot] = UInt32(candidate)
            kinds[slot] = TieKind.social.rawValue
            return true
        }
        return false
    }

    /// Moves a score `recoverySteps` toward the initial score, without overshooting.
    @inline(__always)
    private func recovered(_ steps: Int32) -> Int32 {
        guard rules.recoverySteps > 0 else { return steps }
        if steps < rules.initialSteps { return min(steps + rules.recoverySteps, rules.initialSteps) }
        if steps > rules.initialSteps { return max(steps - rules.recoverySteps, rules.initialSteps) }
        return steps
    }
}
