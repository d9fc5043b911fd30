import Agents

/// Finite, adaptive policing of dissent (docs/MODEL.md, "Finite, adaptive policing"): a fixed
/// number of watchers allocated over districts of consecutive citizens, moved between ticks
/// toward the districts where dissent was seen `lag` ticks before.
///
/// Each district is cut into beats of `vision` consecutive citizens, a citizen's field of view
/// (consecutive ids are neighbours in the lattice). Between ticks, for the tick to come, each
/// beat gets a Poisson count of watchers with mean its district's watchers per citizen × its
/// size (watchers patrol, as Epstein's cops wander), and keeps its expressed dissent of the tick
/// just made. The kernel reads only these two counts per beat; everything here runs between
/// ticks, in district and beat order, so it does not depend on the number of threads.
final class PolicingMechanism: @unchecked Sendable {
    /// Policing's constants for one run.
    struct Constants: MechanismConstants {
        /// Whether detection follows the watchers (otherwise coverage, and nothing here runs).
        let enabled: Bool
        let seed: UInt64
        /// Citizens in all.
        let population: Int
        let districtSize: Int
        let districtCount: Int
        /// Citizens per beat, and beats per district (the last beat of a district may be smaller).
        let vision: Int
        let beatsPerDistrict: Int
        /// Watchers in all: capacity × N.
        let watchers: Double
        let focus: Double
        /// Expressed dissent the regime treats as routine: alarm × N, weighed as spread by size.
        let routine: Double
        let reallocation: Double
        let lag: Int

        /// Policing changes only the dissent model's detection.
        var needs: TickNeeds { [] }

        init(scenario: Scenario, population: Int) {
            let policing = scenario.regime.policing
            enabled = policing.enabled
            seed = scenario.seed
            self.population = population
            districtSize = policing.districtSize
            districtCount = (population + policing.districtSize - 1) / policing.districtSize
            vision = min(policing.vision, policing.districtSize)
            beatsPerDistrict = (districtSize + vision - 1) / vision
            watchers = policing.capacity * Double(population)
            focus = policing.focus
            routine = policing.alarm * Double(population)
            reallocation = policing.reallocation
            lag = policing.lag
        }

        /// The number of citizens in `district`.
        func size(of district: Int) -> Int {
            min(districtSize, population - district * districtSize)
        }

        /// Calls `body` with each beat of `district` in order: its index and its citizens.
        @inline(__always)
        func forEachBeat(of district: Int, _ body: (_ beat: Int, _ citizens: Range<Int>) -> Void) {
            let start = district * districtSize
            let end = start + size(of: district)
            var beat = district * beatsPerDistrict
            for beatStart in stride(from: start, to: end, by: vision) {
                body(beat, beatStart..<min(beatStart + vision, end))
                beat += 1
            }
        }

        /// The beat of `citizen`: its district's beats are numbered from district × beats per district.
        @inline(__always)
        func beat(of citizen: Int) -> Int {
            let district = citizen / districtSize
            return district * beatsPerDistrict + (citizen - district * districtSize) / vision
        }
    }

    let constants: Constants
    /// Watchers per district (the allocation, fractional).
    private let watchers: Column<Double>
    /// Expressed dissent per district of the last `lag` + 1 ticks: tick t in row t mod (lag + 1).
    private let dissent: Column<UInt32>
    /// Per beat, the watchers in view at the tick to come (C), what the kernel reads.
    let beatWatchers: Column<Int32>
    /// Per beat, its expressed dissent at the tick just made (A − 1), what the kernel reads.
    let beatDissent: Column<Int32>

    /// Allocates `constants.watchers` evenly over the districts and draws the watchers of tick 1.
    init(_ constants: Constants) {
        self.constants = constants
        let districts = constants.enabled ? constants.districtCount : 0
        let beats = districts * constants.beatsPerDistrict
        watchers = Column(count: districts, repeating: 0)
        dissent = Column(count: districts * (constants.lag + 1), repeating: 0)
        beatWatchers = Column(count: max(beats, 1), repeating: 0)
        beatDissent = Column(count: max(beats, 1), repeating: 0)
        for district in 0..<districts {
            watchers[district] =
                constants.watchers * Double(constants.size(of: district)) / Double(constants.population)
        }
        if constants.enabled { drawWatchers(tick: 1) }
    }

    /// Bytes held.
    var byteCount: Int { watchers.byteCount + dissent.byteCount + beatWatchers.byteCount + beatDissent.byteCount }

    /// Counts tick `tick`'s expressed dissent per beat and district from its signal `words`,
    /// moves each district's watchers `reallocation` of the way to its target (`1 − focus` of all
    /// watchers spread by district size, `focus` in proportion to the district's expressed
    /// dissent at tick − lag plus its size's share of the routine level alarm × N; none before
    /// tick lag + 1),
    /// then draws the watchers in each beat for tick + 1.
    func update(tick: Int, words: Column<UInt32>) {
        guard constants.enabled else { return }
        let districts = constants.districtCount
        let rows = constants.lag + 1
        let row = dissent.base + (tick % rows) * districts
        for district in 0..<districts {
            var count: UInt32 = 0
            constants.forEachBeat(of: district) { beat, citizens in
                var inBeat: UInt32 = 0
                for citizen in citizens { inBeat &+= words[citizen] & SignalWord.expressedDissent }
                beatDissent[beat] = Int32(inBeat)
                count &+= inBeat
            }
            row[district] = count
        }
        let seen = tick > constants.lag ? dissent.base + ((tick - constants.lag) % rows) * districts : nil
        var total: UInt64 = 0
        if let seen { for district in 0..<districts { total += UInt64(seen[district]) } }
        let n = Double(constants.population)
        for district in 0..<districts {
            let share = Double(constants.size(of: district)) / n
            let counted = seen.map { Double($0[district]) } ?? 0
            let weight = Double(total) + constants.routine
            let focused = weight == 0 ? share : (counted + constants.routine * share) / weight
            let target = constants.watchers * ((1 - constants.focus) * share + constants.focus * focused)
            watchers[district] += constants.reallocation * (target - watchers[district])
        }
        drawWatchers(tick: tick + 1)
    }

    /// Draws each beat's watchers in view for `tick`: Poisson with mean its district's watchers
    /// per citizen × the beat's size.
    private func drawWatchers(tick: Int) {
        for district in 0..<constants.districtCount {
            let density = watchers[district] / Double(constants.size(of: district))
            constants.forEachBeat(of: district) { beat, citizens in
                var stream = RandomStream(
                    seed: constants.seed, entity: UInt32(beat), tick: UInt32(tick), purpose: .watchersInView)
                beatWatchers[beat] = Int32(clamping: stream.nextPoisson(mean: density * Double(citizens.count)))
            }
        }
    }
}
