import Agents
import CVector

/// What seeing others' standing does to ties: under public scores, citizens cut ties to the
/// stigmatized and re-point them at others; dating-boost perks re-point a tie at a new partner;
/// and who is stigmatized (docs/MODEL.md, "Visibility and isolation", "Perks").
///
/// A citizen re-points only its own slots, so workers never write the same slot; in-degrees,
/// which others' choices change, are updated atomically.
struct TieMechanism {
    /// The ties' constants for one run.
    struct Constants: MechanismConstants {
        let seed: UInt64
        let publicScores: Bool
        /// Base probability per tick of cutting a tie to a stigmatized citizen.
        let cutRate: Float
        let cutFamily: Bool
        /// Below this score (grid steps) a citizen is stigmatized (Int32.min: no such threshold).
        let stigmaBelowSteps: Int32
        /// Whether a perk boosts dating.
        let dating: Bool

        /// Cutting and dating read tie kinds (family ties are kept) and whom ties stigmatize.
        var needs: TickNeeds { publicScores || dating ? [.tieKinds, .stigma] : [] }

        init(scenario: Scenario, perks: PerkMechanism.Constants) {
            let visibility = scenario.regime.visibility
            seed = scenario.seed
            publicScores = visibility.publicScores
            cutRate = Float(visibility.cutRate)
            cutFamily = visibility.cutFamily
            stigmaBelowSteps = visibility.stigmaBelow.map { scenario.regime.score.thresholdSteps($0) } ?? Int32.min
            dating = perks.dating
        }
    }

    let constants: Constants
    let perks: PerkMechanism.Constants
    let tick: UInt32
    let citizenCount: Int
    let conformity: UnsafePointer<Float>
    let ambition: UnsafePointer<Float>
    let offsets: UnsafePointer<Int>
    let targets: UnsafeMutablePointer<UInt32>
    let kinds: UnsafeMutablePointer<UInt8>
    let current: UnsafePointer<UInt32>
    let status: UnsafePointer<UInt8>
    let inDegree: UnsafeMutablePointer<UInt32>

    init(
        _ constants: Constants, perks: PerkMechanism.Constants, tick: TickInputs, population: Population,
        graph: SocialGraph, state: SocietyState
    ) {
        self.constants = constants
        self.perks = perks
        self.tick = tick.next
        citizenCount = state.count
        conformity = UnsafePointer(population.column(.conformity).base)
        ambition = UnsafePointer(population.column(.ambition).base)
        offsets = UnsafePointer(graph.offsets.base)
        targets = graph.targets.base
        kinds = graph.kinds.base
        current = UnsafePointer(state.current.base)
        status = UnsafePointer(state.status.base)
        inDegree = state.inDegree.base
    }

    /// With public scores, when the citizen sees a stigmatized tie: cuts ties to stigmatized
    /// citizens, each with probability `cut_rate` · (conformity + ambition) / 2, and re-points the
    /// slot (`tieWords[slot]` is the word of tick t of the tie in `slot`).
    @inline(__always)
    func cut(_ citizen: Int, seen: Neighbourhood, tieWords: UnsafePointer<UInt32>, tally: inout ChunkTally) {
        guard constants.publicScores && seen.stigmatized else { return }
        let probability = constants.cutRate * (conformity[citizen] + ambition[citizen]) / 2
        guard probability > 0 else { return }
        var stream = RandomStream(seed: constants.seed, entity: UInt32(citizen), tick: tick, purpose: .tieCutting)
        for slot in offsets[citizen]..<offsets[citizen + 1] {
            guard tieWords[slot] & SignalWord.stigmatized != 0 else { continue }
            if !constants.cutFamily && kinds[slot] == TieKind.family.rawValue { continue }
            guard stream.nextUniform() < Double(probability) else { continue }
            if repoint(citizen, slot: slot, stream: &stream) { tally[.tiesCut] += 1 }
        }
    }

    /// Under a dating-boost perk held with the score of tick t (`previousSteps`): with the perk's
    /// rate, re-points one non-family slot at a new partner.
    @inline(__always)
    func date(_ now: CitizenTick, draws: BlockDraws, drawIndex: Int, tally: inout ChunkTally) {
        guard constants.dating else { return }
        let rate = perks.datingRate(steps: now.previousSteps)
        guard rate > 0 else { return }
        let citizen = now.citizen
        let start = offsets[citizen]
        let degree = offsets[citizen + 1] - start
        guard degree > 0 else { return }
        var stream = draws.stream(.dating, slot: draws.layout.dating, citizen: citizen, index: drawIndex, tick: tick)
        guard stream.nextUniform() < rate else { return }
        let slot = start + stream.nextIndex(below: degree)
        guard kinds[slot] != TieKind.family.rawValue else { return }
        if repoint(citizen, slot: slot, stream: &stream) { tally[.newTies] += 1 }
    }

    /// Marks the citizen stigmatized when its dissent is on record or its score is below
    /// `stigma_below`.
    @inline(__always)
    func markStigma(_ now: inout CitizenTick) {
        if status[now.citizen] & SocietyState.Status.dissentOnRecord != 0 || now.steps < constants.stigmaBelowSteps {
            now.word |= SignalWord.stigmatized
        }
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
            SocietyState.addInDegree(-1, to: Int(targets[slot]), in: inDegree)
            SocietyState.addInDegree(1, to: candidate, in: inDegree)
            targets[slot] = UInt32(candidate)
            kinds[slot] = TieKind.social.rawValue
            return true
        }
        return false
    }
}
