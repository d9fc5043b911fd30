/// A rule between the keys of one scenario table that no single key's type and range can state
/// (`score`: max above min), as data.
public struct ScenarioRule: Sendable, Equatable {
    /// The path of the table whose keys it relates, as ``ScenarioKey/table`` writes it.
    public var table: String
    /// The rule in words.
    public var text: String
}
