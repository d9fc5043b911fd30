import Agents

/// How the social graph is generated. Keys, defaults and ranges: ``ScenarioKeys``.
public struct GraphSpec: Sendable, Equatable {
    /// The generator of social (non-family) ties.
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

    /// Social-tie generator.
    public var model: Model
    /// Mean number of social ties per citizen; small-world rounds it down to an even lattice degree.
    public var meanDegree: Double
    /// Small-world: probability that a lattice tie's far end is rewired to a random citizen.
    public var rewire: Double
    /// Edge-list file of social ties: an absolute path.
    public var file: String?
    /// Households: cliques of family ties among consecutive ids.
    public var households: Households

    /// Household cliques.
    public struct Households: Sendable, Equatable {
        /// Whether households are generated; ignored for edge lists.
        public var enabled: Bool
        /// Household size distribution, rounded to an integer ≥ 1.
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
