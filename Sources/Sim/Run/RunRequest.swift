/// What to run: a loaded scenario, where to write, and how many threads to use.
public struct RunRequest: Sendable {
    /// The resolved scenario and where it came from.
    public var loaded: LoadedScenario
    /// `--set` overrides that were applied, recorded in the manifest.
    public var overrides: [String]
    /// The run's output folder.
    public var outputFolder: String
    /// Upper bound on worker threads (≥ 1); outputs do not depend on it.
    public var threads: Int

    public init(loaded: LoadedScenario, overrides: [String], outputFolder: String, threads: Int) {
        self.loaded = loaded
        self.overrides = overrides
        self.outputFolder = outputFolder
        self.threads = threads
    }
}
