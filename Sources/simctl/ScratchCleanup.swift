import Dispatch
import Foundation

/// Removes a scratch folder when the process is interrupted (SIGINT, SIGTERM, SIGHUP) before it
/// would have removed it itself.
final class ScratchCleanup {
    private let sources: [DispatchSourceSignal]

    init(path: String) {
        sources = [SIGINT, SIGTERM, SIGHUP].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: path)
                exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }

    /// Stops watching the signals and restores their default handling.
    func cancel() {
        for source in sources { source.cancel() }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { signal(signalNumber, SIG_DFL) }
    }
}
