import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl verify`: re-run a run folder's manifest and check every output's hash.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run what a run folder's manifest.json records and check every output byte for byte.",
            discussion: """
                The re-run goes to a temporary folder, removed afterwards. Prints one line and exits 0 \
                when every output reproduces; otherwise names the first differing file and line.
                """)

        @Argument(help: "A folder written by simctl run.")
        var runFolder: String

        @Option(help: "Maximum worker threads (default: all cores). Does not change outputs.")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("simctl-verify-\(UUID().uuidString)").path
            let cleanup = ScratchCleanup(path: scratch)
            try reportingErrors {
                let files = try RunVerifier.verify(folder: runFolder, scratch: scratch, threads: threads)
                print("\(runFolder): ok, \(files.joined(separator: " and ")) reproduce byte for byte")
            }
            cleanup.cancel()
        }
    }
}
