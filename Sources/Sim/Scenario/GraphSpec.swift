import Agents

/// How the social graph is generated (`[graph]`).
public struct GraphSpec: Sendable, Equatable {
    /// The generator of social (non-family) ties (`graph.model`).
    public enum Model: String, Sendable, CaseIterable, Codable {
        /// Watts–Strogatz: a ring lattice of `meanDegree` neighbours, each tie rewired with
        /// probability `rewire`.
        case smallWorld = "small-world"
        /// Barabási–Albert preferential attachment, `meanDegree / 2` ties per newcomer.
        case scaleFree = "scale-free"
        /// Erdős–Rényi G(n, p) with p = `meanDegree / (n - 1)`.
        case random
        /// Undirected ties read from `file`.
        case edgeList = "edge-list"
    }

    /// Social-tie generator (`graph.model`, default `small-world`).
    public var model: Model
    /// Mean number of social ties per citizen (`graph.mean_degree`, default 14); small-world
    /// rounds it down to an even lattice degree.
    public var meanDegree: Double
    /// Small-world rewiring probability (`graph.rewire`, default 0.1, in [0, 1]).
    public var rewire: Double
    /// Edge-list path (`graph.file`), resolved against the folder of the scenario file that named it.
    public var file: String?
    /// Households: cliques of family ties among consecutive ids (`[graph.households]`).
    public var households: Households

    /// Household cliques (`[graph.households]`).
    public struct Households: Sendable, Equatable {
        /// Whether households are generated (`graph.households.enabled`, default true; ignored for
        /// edge lists).
        public var enabled: Bool
        /// Household size distribution, rounded to an integer ≥ 1 (`graph.households.size`).
        public var size: Distribution

        /// Household sizes of China's 2020 census (shares of households with 1..6 members),
        /// mean about 2.6.
        public static let defaultSize: Distribution = .discrete(
            values: [1, 2, 3, 4, 5, 6], weights: [0.254, 0.297, 0.208, 0.131, 0.068, 0.042])

        public init(enabled: Bool = true, size: Distribution = Households.defaultSize) {
            self.enabled = enabled
            self.size = size
        }
    }

    public init(
        model: Model = .smallWorld, meanDegree: Double = 14, rewire: Double = 0.1, file: String? = nil,
        households: Households = Households()
    ) {
        self.model = model
        self.meanDegree = meanDegree
        self.rewire = rewire
        self.file = file
        self.households = households
    }
}
