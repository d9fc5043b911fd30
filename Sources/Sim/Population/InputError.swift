/// A problem with an input file (a population or edge list, a run folder's manifest or outputs),
/// reported as one line: `FILE[:LINE]: message`.
public struct InputError: Error, CustomStringConvertible, Equatable {
    /// The file at fault.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What was wrong and what was expected.
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE: message` or `FILE:LINE: message`, on one line (line breaks in `message` become spaces).
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(message)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
