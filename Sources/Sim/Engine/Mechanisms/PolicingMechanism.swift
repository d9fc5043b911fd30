/// Finite, adaptive policing of dissent (docs/MODEL.md, "Finite, adaptive policing"): a fixed
/// number of watchers allocated over districts of consecutive citizens, moved between ticks
/// toward the districts where dissent was seen `lag` ticks before.
///
/// The kernel reads only each district's watchers per citizen (``density``); the allocation is
/// updated between ticks from the expressed dissent counted per district, in district order, so
/// it does not depend on the number of threads.
final class PolicingMechanism: @unchecked Sendable {
    /// Policing's constants for one run.
    struct Constants: MechanismConstants {
        /// Whether detection follows the watchers (otherwise coverage, and nothing here runs).
        let enabled: Bool
        let districtSize: Int
        let districtCount: Int
        /// Watchers in all: capacity × N.
        let watchers: Double
        let focus: Double
        let reallocation: Double
        let lag: Int

        /// Policing changes only the dissent model's detection.
        var needs: TickNeeds { [] }

        init(scenario: Scenario, population: Int) {
            let policing = scenario.regime.policing
            enabled = policing.enabled
            districtSize = policing.districtSize
            districtCount = (population + policing.districtSize - 1) / policing.districtSize
            watchers = policing.capacity * Double(population)
            focus = policing.focus
            reallocation = policing.reallocation
            lag = policing.lag
        }

        /// The number of citizens in `district`.
        func size(of district: Int, population: Int) -> Int {
            min(districtSize, population - district * districtSize)
        }
    }

    let constants: Constants
    let population: Int
    /// Watchers per district (the allocation, fractional).
    private let watchers: Column<Double>
    /// Watchers per citizen of each district, what the kernel reads.
    let density: Column<Float>
    /// Expressed dissent per district of the last `lag` + 1 ticks: tick t in row t mod (lag + 1).
    private let dissent: Column<UInt32>

    /// Allocates `constants.watchers` evenly over the districts of `population` citizens.
    init(_ constants: Constants, population: Int) {
        self.constants = constants
        self.population = population
        let districts = constants.enabled ? constants.districtCount : 0
        watchers = Column(count: districts, repeating: 0)
        density = Column(count: max(districts, 1), repeating: 0)
        dissent = Column(count: districts * (constants.lag + 1), repeating: 0)
        for district in 0..<districts {
            watchers[district] =
                constants.watchers * Double(constants.size(of: district, population: population))
                / Double(population)
        }
        updateDensity()
    }

    /// Bytes held.
    var byteCount: Int { watchers.byteCount + density.byteCount + dissent.byteCount }

    /// Counts tick `tick`'s expressed dissent per district from its signal `words`, then moves
    /// each district's watchers `reallocation` of the way to its target: `1 − focus` of all
    /// watchers spread by district size, `focus` in proportion to the district's expressed dissent
    /// at tick − lag (spread by size too when there was none, or before tick lag + 1).
    func update(tick: Int, words: Column<UInt32>) {
        guard constants.enabled else { return }
        let districts = constants.districtCount
        let rows = constants.lag + 1
        let row = dissent.base + (tick % rows) * districts
        for district in 0..<districts {
            let start = district * constants.districtSize
            var count: UInt32 = 0
            for citizen in start..<start + constants.size(of: district, population: population) {
                count &+= words[citizen] & SignalWord.expressedDissent
            }
            row[district] = count
        }
        let seen = tick > constants.lag ? dissent.base + ((tick - constants.lag) % rows) * districts : nil
        var total: UInt64 = 0
        if let seen { for district in 0..<districts { total += UInt64(seen[district]) } }
        let n = Double(population)
        for district in 0..<districts {
            let share = Double(constants.size(of: district, population: population)) / n
            let focused = total == 0 ? share : Double(seen![district]) / Double(total)
            let target = constants.watchers * ((1 - constants.focus) * share + constants.focus * focused)
            watchers[district] += constants.reallocation * (target - watchers[district])
        }
        updateDensity()
    }

    /// Sets each district's watchers per citizen from the allocation.
    private func updateDensity() {
        for district in 0..<watchers.count {
            density[district] = Float(
                watchers[district] / Double(constants.size(of: district, population: population)))
        }
    }
}
