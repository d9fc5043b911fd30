/// One of `count` parts of a sweep's runs, for a cluster's array jobs: part `index` (1-based) holds
/// the runs whose id satisfies `run % count == index - 1`.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    /// Which part, 1...count.
    public let index: Int
    /// How many parts (≥ 1).
    public let count: Int

    /// The whole sweep as one part.
    public static let whole = SweepShard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// Parses `k/n` (1 ≤ k ≤ n), as given to `--shard`.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            throw SweepError(
                path: "--shard \(text)", message: "expected k/n with 1 <= k <= n (shard k of n), e.g. --shard 2/8")
        }
        self.init(index: index, count: count)
    }

    /// Whether run `run` (0-based id) belongs to this part.
    public func contains(run: Int) -> Bool {
        run % count == index - 1
    }

    /// `k/n`.
    public var description: String { "\(index)/\(count)" }
}
