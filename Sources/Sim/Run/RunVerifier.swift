import Foundation

/// Checks that a run folder is reproducible: re-runs what its `manifest.json` records and compares
/// every output, byte for byte, with the folder's files and the manifest's SHA-256 hashes.
public enum RunVerifier {
    /// Re-runs the run in `folder` into `scratch` (a folder that must not exist; it is removed
    /// before returning) with up to `threads` workers, and returns the names of the outputs that
    /// reproduce. Throws ``InputError`` for a missing or corrupt manifest and for the first output
    /// that differs, naming its first differing line.
    public static func verify(folder: String, scratch: String, threads: Int) throws -> [String] {
        let manifestPath = (folder as NSString).appendingPathComponent(RunFiles.manifest)
        let manifest = try read(manifestPath)
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader().load(tomlText: manifest.resolvedScenario, path: "resolved_scenario")
        } catch {
            throw InputError(file: manifestPath, message: "\(error)")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let rerun = (scratch as NSString).appendingPathComponent("run")
        _ = try Runner.run(
            RunRequest(loaded: loaded, overrides: manifest.overrides, outputFolder: rerun, threads: threads))
        let versionNote =
            manifest.version == SimulatorVersion.current
            ? "" : " (recorded by simctl \(manifest.version), this is \(SimulatorVersion.current))"
        for name in manifest.outputs.keys.sorted() {
            let recorded = manifest.outputs[name]!
            let path = (folder as NSString).appendingPathComponent(name)
            guard let original = FileManager.default.contents(atPath: path) else {
                throw InputError(file: path, message: "missing or unreadable")
            }
            guard let again = FileManager.default.contents(atPath: (rerun as NSString).appendingPathComponent(name))
            else {
                throw InputError(file: path, message: "the re-run wrote no such file\(versionNote)")
            }
            let originalHash = Runner.sha256(original)
            let againHash = Runner.sha256(again)
            if originalHash != againHash {
                let cause =
                    originalHash != recorded && againHash == recorded
                    ? "the file was changed after the run (its SHA-256 no longer matches manifest.json)"
                    : "the re-run gives another output\(versionNote)"
                throw InputError(
                    file: path, line: firstDifferingLine(original, again),
                    message: "differs from the re-run from this line on: \(cause)")
            }
            if originalHash != recorded {
                throw InputError(
                    file: manifestPath,
                    message: "records SHA-256 \(recorded.prefix(12)) for \(name), but the file and the re-run "
                        + "both hash to \(originalHash.prefix(12))")
            }
        }
        return manifest.outputs.keys.sorted()
    }

    /// The run manifest at `path`.
    private static func read(_ path: String) throws(InputError) -> RunManifest {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, message: "no such file: not a run folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let manifest = try decoder.decode(RunManifest.self, from: data)
            guard !manifest.outputs.isEmpty else {
                throw InputError(file: path, message: "records no outputs to check")
            }
            return manifest
        } catch let error as InputError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw InputError(file: path, message: "not a run manifest: no \(snakeCase(key.stringValue)) field")
        } catch DecodingError.dataCorrupted {
            throw InputError(file: path, message: "not a run manifest: not valid JSON")
        } catch {
            throw InputError(file: path, message: "not a run manifest: a field has the wrong type")
        }
    }

    /// The 1-based number of the first line in which `a` and `b` differ (a missing line differs).
    static func firstDifferingLine(_ a: Data, _ b: Data) -> Int {
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        return a.prefix(prefix).filter { $0 == UInt8(ascii: "\n") }.count + 1
    }

    private static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
