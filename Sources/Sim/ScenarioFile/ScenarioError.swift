/// Why a scenario could not be loaded, as one line: `FILE:LINE: key.path: message`.
///
/// The line is left out when unknown; a problem with a `--set` override reads
/// `--set key.path: message`.
public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The scenario file does not exist.
        case fileNotFound
        /// The scenario file exists but cannot be read as UTF-8 text.
        case unreadable
        /// The file is not valid TOML.
        case syntax
        /// A key the scenario format does not have.
        case unknownKey
        /// A required key (such as a distribution parameter) is absent.
        case missingKey
        /// A value of the wrong TOML type.
        case wrongType
        /// A number outside its allowed range.
        case outOfRange
        /// A value that is not one of the allowed choices, or otherwise invalid.
        case invalidValue
        /// `extends` names neither a file nor a shipped scenario.
        case extendsNotFound
        /// A chain of `extends` returns to a file already in it.
        case extendsCycle
        /// A `--set` argument that is not of the form `key.path=value`.
        case malformedOverride
    }

    /// Where the problem was written.
    public enum Location: Sendable, Equatable {
        /// In a scenario file, at a 1-based line when known.
        case file(path: String, line: Int?)
        /// In a `--set` override.
        case override
    }

    public var kind: Kind
    public var location: Location
    /// Dotted path of the offending key, when the problem concerns one.
    public var keyPath: String?
    /// What is wrong, without location.
    public var message: String

    public init(_ kind: Kind, at location: Location, keyPath: String? = nil, message: String) {
        self.kind = kind
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var parts: [String]
        switch location {
        case .file(let path, let line?): parts = ["\(path):\(line)"]
        case .file(let path, nil): parts = [path]
        case .override: parts = keyPath == nil ? ["--set"] : []
        }
        if let keyPath {
            parts.append(location == .override ? "--set \(keyPath)" : keyPath)
        }
        parts.append(message)
        return parts.joined(separator: ": ").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
