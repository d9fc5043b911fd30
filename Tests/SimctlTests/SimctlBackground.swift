import Foundation

/// The built `simctl` started without waiting for it, for tests that kill it or give it its own
/// environment.
struct SimctlBackground {
    let process: Process
    private let error: Pipe

    /// Starts `simctl arguments` in the package root with the shipped scenarios visible and
    /// `environment` added; standard output is discarded.
    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = SimctlProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = SimctlProcess.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["SIMCTL_SCENARIOS"] = SimctlProcess.packageRoot.appendingPathComponent("scenarios").path
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        error = Pipe()
        process.standardError = error
        try process.run()
    }

    /// Waits for the process to end; returns its exit status and what it wrote to stderr.
    func wait() -> (status: Int32, standardError: String) {
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Kills the process with SIGKILL and waits for it.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = wait()
    }
}
