/// A problem writing outputs or reading them back, reported as one line: `PATH: message`.
public struct OutputError: Error, CustomStringConvertible, Equatable {
    /// The file or folder at fault.
    public var path: String
    /// What went wrong.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
