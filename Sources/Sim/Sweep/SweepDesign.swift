/// How a sweep's runs are laid out, kept in `sweep.json` so that `simctl stats` and `simctl merge`
/// can analyse and join a folder without the sweep file.
public struct SweepDesign: Codable, Sendable, Equatable {
    /// `grid`, `sobol` or `saltelli`.
    public var sampling: String
    /// Saltelli sampling's number of base points N; nil under other samplings.
    public var baseCount: Int?
    /// Runs per point.
    public var replicates: Int
    /// The sweep seed.
    public var seed: UInt64
    /// Whether replicates share their seeds across points (``SweepPlan/seedStream(point:replicate:)``).
    public var commonRandomNumbers: Bool
    /// The axes' names, their columns in `sweep.csv`, in order.
    public var axes: [String]
    /// The time-series file's name, when the sweep writes one.
    public var timeseriesFile: String?

    /// The design of `plan`.
    public init(plan: SweepPlan) {
        let file = plan.file
        sampling = file.sampling.name
        if case .saltelli(let count) = file.sampling { baseCount = count } else { baseCount = nil }
        replicates = file.replicates
        seed = file.seed
        commonRandomNumbers = file.commonRandomNumbers
        axes = file.axes.map(\.name)
        timeseriesFile = file.timeseries?.fileName
    }

    /// The Saltelli design, for a Saltelli sweep.
    public var saltelli: SaltelliDesign? {
        guard sampling == "saltelli", let baseCount else { return nil }
        return SaltelliDesign(baseCount: baseCount, dimensions: axes.count)
    }
}
