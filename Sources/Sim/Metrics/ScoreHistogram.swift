/// The tick's scores as citizens per grid step: what every score statistic is computed from,
/// exactly and in any order.
struct ScoreHistogram {
    /// Citizens at grid step s (score `rules.points(atSteps: s)`) at index s.
    let counts: UnsafeBufferPointer<UInt64>
    let rules: ScoreRules
    /// Citizens in all.
    let population: Int

    /// Citizens with at least `steps` grid steps (none when `steps` is past the range).
    func citizens(atLeast steps: Int32) -> Int {
        var total: UInt64 = 0
        for bin in max(0, min(Int(steps), counts.count))..<counts.count { total += counts[bin] }
        return Int(total)
    }

    /// The share of citizens in grade `grade`: scores at least its minimum and below the next
    /// grade's.
    func gradeShare(_ grade: Int) -> Double {
        let grades = rules.grades
        let end = grade + 1 < grades.count ? firstStep(atLeast: grades[grade + 1].minimum) : counts.count
        var total: UInt64 = 0
        for bin in firstStep(atLeast: grades[grade].minimum)..<max(end, 0) { total += counts[bin] }
        return Double(total) / Double(population)
    }

    /// The first grid step whose score is at least `points` (`counts.count` when none is), found
    /// by bisection: scores grow with the step.
    func firstStep(atLeast points: Double) -> Int {
        var low = 0
        var high = counts.count
        while low < high {
            let middle = (low + high) / 2
            if rules.points(atSteps: Int32(middle)) >= points { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Share of all score points held by the top ⌈N/10⌉ citizens.
    func topDecileShare() -> Double {
        var remaining = UInt64((Double(population) / 10).rounded(.up))
        var top = 0.0
        var total = 0.0
        for bin in stride(from: counts.count - 1, through: 0, by: -1) where counts[bin] > 0 {
            let value = rules.points(atSteps: Int32(bin))
            total += Double(counts[bin]) * value
            let taken = min(remaining, counts[bin])
            top += Double(taken) * value
            remaining -= taken
        }
        return total > 0 ? top / total : 0
    }
}
