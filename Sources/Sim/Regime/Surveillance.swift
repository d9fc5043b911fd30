/// Surveillance channels (`[surveillance.<channel>]`).
public struct Surveillance: Sendable, Equatable {
    /// The channel watching public dissent (`[surveillance.dissent]`).
    public var dissent: Channel

    /// One surveillance channel.
    public struct Channel: Sendable, Equatable {
        /// Coverage in [0, 1]: the scale of the probability that an act on this channel is
        /// recorded (`surveillance.<channel>.coverage`, default 0).
        public var coverage: Double
        public init(coverage: Double = 0) {
            self.coverage = coverage
        }
    }

    public init(dissent: Channel = Channel()) {
        self.dissent = dissent
    }
}
