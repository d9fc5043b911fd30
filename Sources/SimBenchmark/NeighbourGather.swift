import Sim

/// The bare neighbour-gather kernel: for every citizen, sum one bit of each tie's signal word.
///
/// The floor under any tick of the model (a tick must read every tie once); `simctl bench`
/// reports the model's tick time as a multiple of this kernel's on the same graph.
public struct NeighbourGather: @unchecked Sendable {
    private let offsets: UnsafeMutablePointer<Int>
    private let targets: UnsafeMutablePointer<UInt32>
    private let words: UnsafeMutablePointer<UInt32>
    private let sums: UnsafeMutablePointer<UInt32>

    /// A kernel over `graph` reading `words` and writing one count per citizen into `sums`.
    public init(graph: SocialGraph, words: Column<UInt32>, sums: Column<UInt32>) {
        precondition(words.count == graph.citizenCount && sums.count == graph.citizenCount, "size mismatch")
        offsets = graph.offsets.base
        targets = graph.targets.base
        self.words = words.base
        self.sums = sums.base
    }

    /// Gathers for `citizens`.
    public func run(citizens: Range<Int>) {
        for citizen in citizens {
            var sum: UInt32 = 0
            for slot in offsets[citizen]..<offsets[citizen + 1] {
                sum &+= words[Int(targets[slot])] & SignalWord.expressedDissent
            }
            sums[citizen] = sum
        }
    }
}
