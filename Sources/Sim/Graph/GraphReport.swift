/// Facts about a built social graph, for the run manifest.
public struct GraphReport: Sendable, Equatable, Codable {
    /// The generator, or `edge-list`.
    public let model: GraphSpec.Model
    /// Number of citizens N.
    public let citizenCount: Int
    /// Undirected ties (half the slot count).
    public let ties: Int
    /// Ties of kind family.
    public let familyTies: Int
    /// Ties of kind social or distant (everything but family).
    public let socialTies: Int
    /// Ties of kind distant (rewired small-world ties), included in `socialTies`.
    public let distantTies: Int
    /// Households generated (0 for edge lists or when households are disabled).
    public let households: Int
    /// Small-world lattice degree k, or scale-free ties per newcomer m; 0 for other models.
    public let generatorDegree: Int
    /// Mean slots per citizen, 2 × ties / N (0 when N = 0).
    public let meanDegree: Double
    /// Largest row.
    public let maxDegree: Int
    /// Citizens with no ties at all.
    public let isolatedCitizens: Int
    /// Self-loops left out (edge lists only; generators never make them).
    public let selfLoopsDropped: Int
    /// Repeated pairs merged into one tie: repeated lines of an edge list, or generated social
    /// ties that landed on an existing (family or social) tie.
    public let duplicatesDropped: Int
    /// Bytes held by the graph's columns.
    public let byteCount: Int
}
