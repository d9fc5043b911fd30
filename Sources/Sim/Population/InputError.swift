/// A problem with an input file, reported as one line: `FILE[:LINE]: message`.
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

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
