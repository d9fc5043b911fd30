import ArgumentParser
import Foundation

/// A command-line error with a message for the user.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body`; any error becomes one line `simctl: error: ...` on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let message = String(describing: error)
        FileHandle.standardError.write("simctl: error: \(message)\n")
        throw ExitCode.failure
    }
}

extension FileHandle {
    /// Writes `text` as UTF-8.
    func write(_ text: String) {
        write(Data(text.utf8))
    }
}
