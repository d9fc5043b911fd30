/// Why a run folder did not verify, as one line: `PATH: message`, or `PATH:LINE: message` when a
/// line of an output differs.
public struct VerifyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file at fault.
    public var path: String
    /// The first differing line (1-based, the header is line 1), when an output differs.
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
