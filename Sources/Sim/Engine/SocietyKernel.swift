import Agents
import CVector

/// The per-citizen work of one tick over one chunk of citizens: every mechanism of the model.
///
/// Citizens go in blocks of ``KernelScratch/blockSize``, each in passes over all its citizens:
/// every citizen reads tick t's signal words of its ties once, into a ``Neighbourhood``; the
/// block's random blocks are computed (``BlockDraws``); every citizen's everyday acts are chosen
/// (``ConductBatch``) and its ratings received are summed; then each citizen decides the rest of
/// tick t+1: dissent, records (true and false), score, lists, and, with public scores, tie
/// cutting. The passes over many citizens use vector kernels (``VectorLevel``). It holds raw
/// pointers into the run's columns; workers call it on disjoint citizen ranges, and a citizen only
/// writes its own state, its own slots and (atomically) in-degrees.
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
    /// ln max(means × factor, 10⁻⁶) per citizen, and the means factor it is for (``LogMeansCache``;
    /// empty without behaviours).
    let logMeans: UnsafeMutablePointer<Float>
    let logMeansFactor: UnsafeMutablePointer<Float>
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
    let scratch: KernelScratch
    let generators: WorkerGenerators

    /// What a tie's `word & 3` (expressed dissent, present) adds to a gather's tally: 2³² per
    /// present tie plus 1 per dissenting tie, so one add per tie counts both (no citizen has 2³²
    /// ties, as ids are 32-bit). Written once, never changed.
    private nonisolated(unsafe) static let presenceTallies: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 4)
        for bits in UInt32(0)..<4 {
            table[Int(bits)] =
                (bits & SignalWord.present != 0 ? 1 << 32 : 0) + (bits & SignalWord.expressedDissent != 0 ? 1 : 0)
        }
        return UnsafePointer(table)
    }()
    private let presenceTally = Self.presenceTallies

    init(
        rules: RunConstants, tick: TickInputs, population: Population, logMeans: LogMeansCache, graph: SocialGraph,
        state: SocietyState, detentionTicks: Distribution, detectionTable: Column<Float>, histograms: Column<UInt64>,
        bins: Int, scratch: KernelScratch, generators: WorkerGenerators
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
        self.logMeans = logMeans.logMeans.base
        logMeansFactor = logMeans.factors.base
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
        self.scratch = scratch
        self.generators = generators
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
        rules.runsRegime
            ? run(RegimeKernel.self, citizens: citizens, worker: worker)
            : run(DissentKernel.self, citizens: citizens, worker: worker)
    }

    /// ``run(citizens:worker:)`` specialised for `variant`.
    private func run<Variant: KernelVariant>(_ variant: Variant.Type, citizens: Range<Int>, worker: Int)
        -> ChunkTally
    {
        var tally = ChunkTally()
        let histogram = histograms + worker * bins
        let neighbourhoods = scratch.neighbourhoods(worker: worker)
        let counts = scratch.behaviourCounts(worker: worker)
        let words = scratch.words(worker: worker)
        let draws = scratch.draws(worker: worker)
        let conductValues = scratch.conductValues(worker: worker)
        let chosenActs = scratch.acts(worker: worker)
        let ratingValues = scratch.ratingValues(worker: worker)
        let weightSums = ratingValues + KernelScratch.blockSize
        let weightedRatings = ratingValues + 2 * KernelScratch.blockSize
        var blockStart = citizens.lowerBound
        while blockStart < citizens.upperBound {
            let block = blockStart..<min(blockStart + KernelScratch.blockSize, citizens.upperBound)
            if Variant.runsRegime && rules.needsTieDetails {
                let firstSlot = offsets[block.lowerBound]
                let blockTargets = targets + firstSlot
                for index in 0..<(offsets[block.upperBound] - firstSlot) {
                    words[index] = current[Int(blockTargets[index])]
                }
                sumTies(block, words: words - firstSlot, into: neighbourhoods, behaviourCounts: counts)
            } else {
                for citizen in block {
                    neighbourhoods[citizen - block.lowerBound] = gatherDissent(citizen)
                }
            }
            if Variant.runsRegime {
                draws.fill(citizens: block, tick: tick.next, key: rules.key, level: rules.vectorLevel)
                if rules.behaviourCount > 0 {
                    chooseActs(
                        block, neighbourhoods: neighbourhoods, counts: counts, draws: draws, values: conductValues,
                        acts: chosenActs)
                }
                if rules.peerRating {
                    receiveRatings(
                        block, tieWords: words - offsets[block.lowerBound], draws: draws, values: ratingValues,
                        tally: &tally)
                }
            }
            for citizen in block {
                let index = citizen - block.lowerBound
                // The next block's copy of tie words reads from random places: start those reads
                // now, a citizen at a time, so they overlap the step's arithmetic.
                let ahead = citizen + KernelScratch.blockSize
                if Variant.runsRegime && ahead < citizens.upperBound {
                    VectorKernels.prefetchTieWords(current, targets: targets, slots: offsets[ahead]..<offsets[ahead + 1])
                }
                let steps = step(
                    variant, citizen, seen: neighbourhoods[index], chosenActs: chosenActs[index],
                    ratings: (weightSums[index], weightedRatings[index]),
                    tieWords: words - offsets[block.lowerBound], draws: draws, drawIndex: index, worker: worker,
                    tally: &tally)
                histogram[Int(steps)] &+= 1
            }
            blockStart = block.upperBound
        }
        return tally
    }

    /// Decides tick t+1 for `citizen`; `tieWords[slot]` is the tick-t word of the tie in `slot`
    /// (copied only when ``RunConstants/needsTieDetails``) and `draws` holds the citizen's
    /// precomputed random blocks at `drawIndex`.
    @inline(__always)
    private func step<Variant: KernelVariant>(
        _ variant: Variant.Type, _ citizen: Int, seen: Neighbourhood, chosenActs: UInt32,
        ratings: (weightSum: Float, weighted: Float), tieWords: UnsafeMutablePointer<UInt32>, draws: BlockDraws,
        drawIndex: Int, worker: Int,
        tally: inout ChunkTally
    ) -> Int32 {
        let previousSteps = score[citizen]
        var steps = recovered(previousSteps)
        let sanctionCount = Variant.runsRegime ? rules.sanctionCount : 0
        let previousTrueSteps = sanctionCount > 0 ? trueScore[citizen] : previousSteps
        var trueSteps = recovered(previousTrueSteps)
        let (listedMask, permanentlyListed) = listing(citizen, sanctionCount: sanctionCount)
        var acts = Acts()
        if detentionLeft[citizen] > 0 {
            detentionLeft[citizen] -= 1
            acts.word = 0
            tally.detained += 1
        } else {
            let stake = self.stake(steps: steps, listedMask: listedMask, permanentlyListed: permanentlyListed)
            decideDissent(
                citizen, seen: seen, stake: stake, draws: draws, drawIndex: drawIndex, steps: &steps,
                trueSteps: &trueSteps, acts: &acts, worker: worker, tally: &tally)
            if Variant.runsRegime {
                regimeActs(
                    citizen, seen: seen, chosenActs: chosenActs, ratings: ratings, tieWords: tieWords, draws: draws,
                    drawIndex: drawIndex, listedMask: listedMask, previousSteps: previousSteps,
                    steps: &steps, trueSteps: &trueSteps, acts: &acts, tally: &tally)
            }
            if !acts.infraction { tally.compliant += 1 }
        }
        steps = min(max(steps, 0), rules.stepCount)
        var word = acts.word
        if sanctionCount > 0 {
            trueSteps = min(max(trueSteps, 0), rules.stepCount)
            let newMask = updateSanctions(citizen, steps: steps, trueSteps: trueSteps, acts: acts, tally: &tally)
            if newMask != 0 { word |= SignalWord.listed | SignalWord.stigmatized }
            if newMask & rules.travelBanMask != 0 { word |= SignalWord.travelBanned }
            if newMask & rules.schoolMask != 0 { word |= SignalWord.schoolRestricted }
            if trueSteps != previousTrueSteps { trueScore[citizen] = trueSteps }
        }
        if acts.dissentRecorded { status[citizen] |= SocietyState.Status.dissentOnRecord }
        if Variant.runsRegime && rules.tracksStigma
            && (status[citizen] & SocietyState.Status.dissentOnRecord != 0 || steps < rules.stigmaBelowSteps)
        {
            word |= SignalWord.stigmatized
        }
        if steps != previousSteps { score[citizen] = steps }
        next[citizen] = word | rules.scoreFraction(steps) << SignalWord.scoreShift
        return steps
    }

    /// What a present citizen does and undergoes beyond dissent: behaviours, ratings received, guilt
    /// by association, tie cutting and dating.
    @inline(__always)
    private func regimeActs(
        _ citizen: Int, seen: Neighbourhood, chosenActs: UInt32, ratings: (weightSum: Float, weighted: Float),
        tieWords: UnsafeMutablePointer<UInt32>, draws: BlockDraws, drawIndex: Int,
        listedMask: UInt8, previousSteps: Int32, steps: inout Int32, trueSteps: inout Int32, acts: inout Acts,
        tally: inout ChunkTally
    ) {
        if rules.behaviourCount > 0 {
            decideBehaviours(
                citizen, seen: seen, chosenActs: chosenActs, draws: draws, drawIndex: drawIndex,
                listedMask: listedMask, steps: &steps, trueSteps: &trueSteps, acts: &acts, tally: &tally)
        }
        if rules.peerRating {
            applyRatings(weightSum: ratings.weightSum, weighted: ratings.weighted, steps: &steps, trueSteps: &trueSteps)
        }
        associate(seen: seen, steps: &steps, trueSteps: &trueSteps)
        if seen.schoolRestricted { tally.schoolRestricted += 1 }
        if rules.publicScores && seen.stigmatized {
            cutTies(citizen, tieWords: tieWords, tally: &tally)
        }
        if rules.perkCount > 0 {
            dateIfBoosted(citizen, steps: previousSteps, draws: draws, drawIndex: drawIndex, tally: &tally)
        }
    }

    /// Reads every tie's word of tick t once, counting only what the dissent rule needs: the
    /// branch-free loop the dissent model alone runs. Detained citizens read nothing.
    @inline(__always)
    private func gatherDissent(_ citizen: Int) -> Neighbourhood {
        var seen = Neighbourhood()
        guard detentionLeft[citizen] == 0 else { return seen }
        var tally: UInt64 = 0
        for slot in offsets[citizen]..<offsets[citizen + 1] {
            tally &+= presenceTally[Int(current[Int(targets[slot])] & 3)]
        }
        seen.active = Int32(truncatingIfNeeded: tally >> 32)
        seen.dissenting = Int32(truncatingIfNeeded: tally)
        return seen
    }

    /// Sums everything the regime's mechanisms need over the ties' words of tick t, for every
    /// citizen of `block` (`words[slot]` is the word of the tie in `slot`; see ``TieSums``): what
    /// the citizen at index i sees goes to `neighbourhoods[i]`, the counts of its ties who did the
    /// behaviours of group g to `behaviourCounts[g · blockSize + i]`. Detained citizens read
    /// nothing. With AVX-512 or AVX2, the whole block in one call.
    private func sumTies(
        _ block: Range<Int>, words: UnsafeMutablePointer<UInt32>,
        into neighbourhoods: UnsafeMutablePointer<Neighbourhood>, behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>
    ) {
        let first = block.lowerBound
        let tieKinds = rules.readsKinds ? UnsafePointer(kinds) : nil
        let firstSlot = offsets[first]
        var tieBlock = cvector_tie_block(
            offsets: UnsafeRawPointer(offsets + first).assumingMemoryBound(to: Int64.self), words: words + firstSlot,
            kinds: tieKinds.map { $0 + firstSlot }, own_words: current + first, detained: detentionLeft + first)
        if VectorKernels.sumBlockTies(
            &tieBlock, count: block.count, groups: rules.behaviourGroupCount, familyWeight: rules.familyWeight,
            seen: neighbourhoods,
            behaviourCounts: UnsafeMutableRawPointer(behaviourCounts).assumingMemoryBound(to: Float.self),
            stride: KernelScratch.blockSize, level: rules.vectorLevel)
        {
            return
        }
        for citizen in block {
            let index = citizen - first
            neighbourhoods[index] = gather(
                citizen, words: words, kinds: tieKinds, behaviourCounts: behaviourCounts + index)
        }
    }

    /// One citizen's sums for ``sumTies(_:words:into:behaviourCounts:)``, four ties at a time.
    /// Kept out of line: inlined into the tick's large loop, it had the compiler leave TieSums'
    /// four-tie step as a call, its sums in memory.
    @inline(never)
    private func gather(
        _ citizen: Int, words: UnsafeMutablePointer<UInt32>, kinds: UnsafePointer<UInt8>?,
        behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>
    ) -> Neighbourhood {
        let groups = rules.behaviourGroupCount
        let stride = KernelScratch.blockSize
        guard detentionLeft[citizen] == 0 else {
            for group in 0..<groups { behaviourCounts[group * stride] = .zero }
            return Neighbourhood()
        }
        let start = offsets[citizen]
        var sums = TieSums(ownWord: current[citizen])
        sums.add(words: words + start, kinds: kinds.map { $0 + start }, count: offsets[citizen + 1] - start)
        if groups > 0 { behaviourCounts[0] = sums.behaviourCounts.0 }
        if groups > 1 { behaviourCounts[stride] = sums.behaviourCounts.1 }
        if groups > 2 { behaviourCounts[2 * stride] = sums.behaviourCounts.2 }
        return sums.neighbourhood(familyWeight: rules.familyWeight)
    }

    /// The threshold rule, recording, false records and detention (docs/MODEL.md, "Public dissent").
    @inline(__always)
    private func decideDissent(
        _ citizen: Int, seen: Neighbourhood, stake: Float, draws: BlockDraws, drawIndex: Int, steps: inout Int32,
        trueSteps: inout Int32, acts: inout Acts, worker: Int, tally: inout ChunkTally
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
            var stream = draws.stream(
                .falseDissentRecord, slot: draws.layout.falseDissentRecord, citizen: citizen, index: drawIndex,
                tick: tick.next, rules: rules)
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

    /// The lists `citizen` is on at tick t, as a mask, and whether one of them is for good.
    @inline(__always)
    private func listing(_ citizen: Int, sanctionCount: Int) -> (mask: UInt8, permanent: Bool) {
        var mask: UInt8 = 0
        var permanent = false
        for index in 0..<sanctionCount {
            let left = sanctionLeft[index][citizen]
            if left > 0 {
                mask |= 1 << UInt8(index)
                if left == SocietyState.permanent { permanent = true }
            }
        }
        return (mask, permanent)
    }

    /// What a citizen with `steps` (after recovery) stands to lose: its score fraction, scaled
    /// by `listed_stake` while listed, and nothing once listed for good.
    @inline(__always)
    private func stake(steps: Int32, listedMask: UInt8, permanentlyListed: Bool) -> Float {
        let scoreFraction = Float(steps) / Float(max(rules.stepCount, 1))
        return permanentlyListed ? 0 : scoreFraction * (listedMask != 0 ? rules.listedStake : 1)
    }

    /// Chooses every citizen's everyday acts of tick t+1 for `block` at once (``ConductRule``):
    /// the per-citizen inputs first, then the choices, many citizens per vector.
    private func chooseActs(
        _ block: Range<Int>, neighbourhoods: UnsafeMutablePointer<Neighbourhood>,
        counts: UnsafeMutablePointer<SIMD4<Float>>, draws: BlockDraws, values: UnsafeMutablePointer<Float>,
        acts: UnsafeMutablePointer<UInt32>
    ) {
        let size = KernelScratch.blockSize
        for citizen in block {
            let index = citizen - block.lowerBound
            let seen = neighbourhoods[index]
            let (listedMask, permanentlyListed) = listing(citizen, sanctionCount: rules.sanctionCount)
            let stake = self.stake(
                steps: recovered(score[citizen]), listedMask: listedMask, permanentlyListed: permanentlyListed)
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
            if meansFactor != logMeansFactor[citizen] {
                logMeans[citizen] = LogMeansCache.logEffectiveMeans(means: means[citizen], factor: meansFactor)
                logMeansFactor[citizen] = meansFactor
            }
            values[index] = logMeans[citizen]
            let inverseActive = seen.active == 0 ? 0 : 1 / Float(seen.active)
            values[size + index] = rules.socialInfluence * conformity[citizen] * inverseActive
            values[2 * size + index] = ambitionWeight * stake
        }
        let first = block.lowerBound
        let inputs = ConductBatch.Inputs(
            traits: (
                UnsafePointer(hardship + first), UnsafePointer(riskAversion + first), UnsafePointer(threshold + first),
                UnsafePointer(conformity + first), UnsafePointer(ambition + first), UnsafePointer(values)
            ), socialWeight: values + size, ambitionStake: values + 2 * size, counts: counts,
            draws: draws.conductBlocks, stride: size)
        ConductBatch.acts(
            count: block.count, groups: rules.behaviourGroups, groupCount: rules.behaviourGroupCount, inputs: inputs,
            level: rules.vectorLevel, into: acts)
    }

    /// Everyday behaviours as discrete choice (docs/MODEL.md, "Everyday behaviours").
    ///
    /// Act draws are words of the stream (citizen, t+1, conduct), one per behaviour, so the draws of
    /// a group of four behaviours are one Philox block; record draws come from ``RecordDraws``, so
    /// switching surveillance on or off never changes which acts are done. One draw u decides false
    /// records: behaviour b (in list order) is falsely recorded when u falls in its slice
    /// [Σ_{c<b} m_c, Σ_{c≤b} m_c) of the misidentification rates and b was not done; so each is
    /// falsely recorded with probability m_b, at most one per tick.
    @inline(__always)
    private func decideBehaviours(
        _ citizen: Int, seen: Neighbourhood, chosenActs: UInt32, draws: BlockDraws,
        drawIndex: Int, listedMask: UInt8, steps: inout Int32, trueSteps: inout Int32, acts: inout Acts,
        tally: inout ChunkTally
    ) {
        var done = chosenActs
        var impossible: UInt32 = 0
        if seen.listedTies == 0 { impossible |= rules.listedTieMask }
        if listedMask & rules.throttleMask != 0 { impossible |= rules.onlineMask }
        done &= rules.behaviourMask & ~impossible
        acts.word |= done << SignalWord.behaviourShift
        tally.virtueActs += (done & rules.virtueMask).nonzeroBitCount
        if done & ~rules.virtueMask != 0 { acts.infraction = true }
        let records = RecordDraws(draws: draws, index: drawIndex)
        var remaining = done
        while remaining != 0 {
            let b = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            tally.acts[b] &+= 1
            let behaviour = rules.behaviours[b]
            if behaviour.coverage > 0 && records.recordDraw(behaviour: b) < Double(behaviour.coverage) {
                acts.recorded |= 1 << UInt32(b)
                steps += behaviour.pointsSteps
                trueSteps += behaviour.pointsSteps
            }
        }
        guard rules.misidentificationTotal > 0 else { return }
        var falseDraw = records.falseRecordDraw()
        guard falseDraw < rules.misidentificationTotal else { return }
        for b in 0..<rules.behaviourCount {
            let rate = Double(rules.behaviours[b].misidentification)
            guard falseDraw >= rate else {
                let bit = UInt32(1) << UInt32(b)
                if done & bit == 0 {
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

    /// The ratings every present citizen of `block` receives from about `ratings_per_tick` ties
    /// (docs/MODEL.md, "Peer rating"): Σ weight and Σ weight · rating of the citizen at index i go
    /// to `values[blockSize + i]` and `values[2 · blockSize + i]` (0 when it has none), their
    /// counts to `tally`. With at most 3 ratings each, 16 citizens at a time with AVX-512 and 8
    /// with AVX2.
    private func receiveRatings(
        _ block: Range<Int>, tieWords: UnsafeMutablePointer<UInt32>, draws: BlockDraws,
        values: UnsafeMutablePointer<Float>, tally: inout ChunkTally
    ) {
        let size = KernelScratch.blockSize
        var constants = cvector_rating_rules(
            whole: Int32(rules.wholeRatingsPerTick), extra_chance: rules.extraRatingChance,
            listed_stake: rules.listedStake, inflation: rules.ratingInflation, fake_nice: rules.ratingFakeNice,
            stigma: rules.ratingStigma, rater_weight: rules.raterWeight)
        if VectorKernels.hasRatingsKernel(for: constants, level: rules.vectorLevel) {
            let honest = values
            for citizen in block {
                honest[citizen - block.lowerBound] = honestRating(ownWord: current[citizen])
            }
            let first = block.lowerBound
            var inputs = cvector_rating_inputs(
                offsets: UnsafeRawPointer(offsets + first).assumingMemoryBound(to: Int64.self),
                tie_words: tieWords + offsets[first], own_words: current + first, detained: detentionLeft + first,
                honest: honest,
                draws: UnsafeRawPointer(draws.blocks(slot: draws.layout.peerRating.unsafelyUnwrapped))
                    .assumingMemoryBound(to: UInt32.self))
            var totals: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &totals) { raw in
                VectorKernels.receiveRatings(
                    count: block.count, rules: &constants, inputs: &inputs, weightSums: values + size,
                    weightedRatings: values + 2 * size, totals: raw.baseAddress!.assumingMemoryBound(to: UInt64.self),
                    level: rules.vectorLevel)
            }
            tally.ratings += Int(totals.0)
            tally.ratingSum += Int(totals.1)
            tally.fiveStarRatings += Int(totals.2)
            return
        }
        for citizen in block {
            let index = citizen - block.lowerBound
            let (weightSum, weighted) = receiveRatings(
                citizen, tieWords: tieWords, draws: draws, drawIndex: index, tally: &tally)
            values[size + index] = weightSum
            values[2 * size + index] = weighted
        }
    }

    /// The honest rating of a citizen whose tick-t signal word is `ownWord`.
    @inline(__always)
    private func honestRating(ownWord: UInt32) -> Float {
        let behaviours = (ownWord >> SignalWord.behaviourShift) & SignalWord.behaviourBits
        return PeerRatingRule.honest(
            virtues: (behaviours & rules.virtueMask).nonzeroBitCount,
            infractions: (behaviours & ~rules.virtueMask).nonzeroBitCount)
    }

    /// The ratings `citizen` receives, one at a time: Σ weight and Σ weight · rating (0 and 0 when
    /// detained or without ties).
    @inline(__always)
    private func receiveRatings(
        _ citizen: Int, tieWords: UnsafeMutablePointer<UInt32>, draws: BlockDraws, drawIndex: Int,
        tally: inout ChunkTally
    ) -> (weightSum: Float, weighted: Float) {
        let start = offsets[citizen]
        let degree = offsets[citizen + 1] - start
        guard detentionLeft[citizen] == 0, degree > 0 else { return (0, 0) }
        var stream = draws.stream(
            .peerRating, slot: draws.layout.peerRating, citizen: citizen, index: drawIndex, tick: tick.next,
            rules: rules)
        let count = rules.wholeRatingsPerTick + (stream.nextUniform() < rules.extraRatingChance ? 1 : 0)
        let own = current[citizen]
        let honest = honestRating(ownWord: own)
        let ownFraction = Float(own >> SignalWord.scoreShift) / Float(SignalWord.scoreFractionMax)
        var weightSum: Float = 0
        var weightedRatings: Float = 0
        for _ in 0..<count {
            let rater = tieWords[start + stream.nextIndex(below: degree)]
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
        return (weightSum, weightedRatings)
    }

    /// Moves both scores `rating_responsiveness` of the way toward the weighted mean rating
    /// received (Σ weight `weightSum`, Σ weight · rating `weighted`), on the score scale.
    @inline(__always)
    private func applyRatings(weightSum: Float, weighted: Float, steps: inout Int32, trueSteps: inout Int32) {
        guard weightSum > 0 else { return }
        let target = Float(rules.stepCount) * (weighted / weightSum - 1) / 4
        steps += PortableMath.nearestInteger(rules.ratingResponsiveness * (target - Float(steps)))
        trueSteps += PortableMath.nearestInteger(rules.ratingResponsiveness * (target - Float(trueSteps)))
    }

    /// Guilt by association: pull toward ties' scores and a penalty per listed tie.
    @inline(__always)
    private func associate(seen: Neighbourhood, steps: inout Int32, trueSteps: inout Int32) {
        if rules.associationPull > 0 && seen.scoreWeight > 0 {
            let mean =
                seen.weightedScoreFraction / seen.scoreWeight / Float(SignalWord.scoreFractionMax)
                * Float(rules.stepCount)
            steps += PortableMath.nearestInteger(rules.associationPull * (mean - Float(steps)))
            trueSteps += PortableMath.nearestInteger(rules.associationPull * (mean - Float(trueSteps)))
        }
        if rules.listedTiePenaltySteps > 0 && seen.listedWeight > 0 {
            let penalty = PortableMath.nearestInteger(rules.listedTiePenaltySteps * seen.listedWeight)
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
    private func cutTies(_ citizen: Int, tieWords: UnsafeMutablePointer<UInt32>, tally: inout ChunkTally) {
        let probability = rules.cutRate * (conformity[citizen] + ambition[citizen]) / 2
        guard probability > 0 else { return }
        var stream = RandomStream(seed: rules.seed, entity: UInt32(citizen), tick: tick.next, purpose: .tieCutting)
        for slot in offsets[citizen]..<offsets[citizen + 1] {
            guard tieWords[slot] & SignalWord.stigmatized != 0 else { continue }
            if !rules.cutFamily && kinds[slot] == TieKind.family.rawValue { continue }
            guard stream.nextUniform() < Double(probability) else { continue }
            if repoint(citizen, slot: slot, stream: &stream) { tally.tiesCut += 1 }
        }
    }

    /// Under a dating-boost perk: with its rate, re-point one non-family slot at a new partner.
    @inline(__always)
    private func dateIfBoosted(
        _ citizen: Int, steps: Int32, draws: BlockDraws, drawIndex: Int, tally: inout ChunkTally
    ) {
        var rate = 0.0
        for index in 0..<rules.perkCount where rules.perks[index].datingRate > rate {
            if tick.holds(perk: index, steps: steps) { rate = rules.perks[index].datingRate }
        }
        guard rate > 0 else { return }
        let start = offsets[citizen]
        let degree = offsets[citizen + 1] - start
        guard degree > 0 else { return }
        var stream = draws.stream(
            .dating, slot: draws.layout.dating, citizen: citizen, index: drawIndex, tick: tick.next, rules: rules)
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
