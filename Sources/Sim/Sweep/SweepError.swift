/// Why a sweep could not run, resume or merge, as one line: `PATH: message` (or `PATH:LINE:
/// message` when a line of a file is at fault).
///
/// Problems in the sweep file itself are ``ScenarioError``s, located like a scenario's; this type
/// covers the output folder, the `--shard` argument and the runs.
public struct SweepError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder at fault, or the argument (`--shard`).
    public var path: String
    /// 1-based line of `path`, when one line is at fault.
    public var line: Int?
    /// What is wrong.
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): \(message)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
