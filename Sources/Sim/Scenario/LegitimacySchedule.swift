/// Regime legitimacy L(t) in [0, 1] over ticks. Keys, defaults and ranges: ``ScenarioKeys``.
///
/// Either a constant `value`, or a piecewise-linear `schedule` of (tick, value) points in
/// increasing tick order, held flat before the first point and after the last.
public struct LegitimacySchedule: Sendable, Equatable {
    /// Legitimacy when the schedule is empty.
    public var value: Double
    /// (tick, legitimacy) points, ticks strictly increasing.
    public var schedule: [Point]

    /// One point of the schedule.
    public struct Point: Sendable, Equatable {
        public var tick: Double
        public var value: Double
        public init(tick: Double, value: Double) {
            self.tick = tick
            self.value = value
        }
    }

    public init(value: Double = 0.6, schedule: [Point] = []) {
        self.value = value
        self.schedule = schedule
    }

    /// Legitimacy at `tick`.
    public func value(at tick: Int) -> Double {
        guard let first = schedule.first, let last = schedule.last else { return value }
        let t = Double(tick)
        if t <= first.tick { return first.value }
        if t >= last.tick { return last.value }
        var lower = first
        for upper in schedule.dropFirst() {
            if t <= upper.tick {
                let fraction = (t - lower.tick) / (upper.tick - lower.tick)
                return lower.value + fraction * (upper.value - lower.value)
            }
            lower = upper
        }
        return last.value
    }
}
