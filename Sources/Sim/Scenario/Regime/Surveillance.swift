import Agents

/// Surveillance channels. Keys, defaults and ranges: ``ScenarioKeys``.
///
/// Every channel exists; a channel not configured has coverage 0 and records nothing.
public struct Surveillance: Sendable, Equatable {
    /// The channels that can record an act.
    public enum ChannelName: String, Sendable, CaseIterable, Codable {
        /// Public dissent.
        case dissent
        /// Banks and payments (late bills).
        case financial
        /// Courts (unpaid fines, debt judgments).
        case judicial
        /// Traffic cameras and police.
        case traffic
        /// Internet platforms.
        case online
        /// Street cameras with recognition.
        case street
        /// Informants and social contacts.
        case social
        /// Civic registers (charity, recycling, volunteering).
        case civic
    }

    /// Settings per channel; every name is present.
    public var channels: [ChannelName: Channel]

    /// One surveillance channel.
    public struct Channel: Sendable, Equatable {
        /// Probability in [0, 1] that an act on this channel is recorded. Ignored when
        /// `camerasPerCapita` is set.
        public var coverage: Double
        /// Probability per citizen and tick in [0, 1] of a false record of each infraction on this
        /// channel that the citizen did not commit. On the dissent channel: a false record of dissent.
        public var misidentification: Double
        /// Cameras per inhabitant; when set, coverage is derived as `recognitionAccuracy · (1 − exp(−camerasPerCapita · viewFactor))`.
        public var camerasPerCapita: Double?
        /// Probability in [0, 1] that a camera sighting identifies the person.
        public var recognitionAccuracy: Double
        /// People-equivalents of public space one camera watches.
        public var viewFactor: Double

        public init(
            coverage: Double = 0, misidentification: Double = 0, camerasPerCapita: Double? = nil,
            recognitionAccuracy: Double = 0.9, viewFactor: Double = 4
        ) {
            self.coverage = coverage
            self.misidentification = misidentification
            self.camerasPerCapita = camerasPerCapita
            self.recognitionAccuracy = recognitionAccuracy
            self.viewFactor = viewFactor
        }

        /// The probability that an act on this channel is recorded.
        public var effectiveCoverage: Double {
            guard let camerasPerCapita else { return coverage }
            return recognitionAccuracy * (1 - PortableMath.exp(-camerasPerCapita * viewFactor))
        }
    }

    public init(channels: [ChannelName: Channel] = [:]) {
        var all: [ChannelName: Channel] = [:]
        for name in ChannelName.allCases { all[name] = channels[name] ?? Channel() }
        self.channels = all
    }

    /// The channel watching public dissent.
    public var dissent: Channel {
        get { channels[.dissent]! }
        set { channels[.dissent] = newValue }
    }

    /// The channel `name`.
    public subscript(name: ChannelName) -> Channel {
        get { channels[name]! }
        set { channels[name] = newValue }
    }
}
