import Foundation
import Testing

/// The Sim module's folders are layers (docs/ARCHITECTURE.md): a file refers only to types of its
/// own folder and of folders below it.
@Suite struct ArchitectureTests {
    /// Sim's folders, lowest first.
    static let layers = [
        "Support", "Scenario", "ScenarioFile", "Population", "Graph", "State", "Metrics", "Engine", "Output", "Run",
        "Analysis", "Sweep", "Calibration",
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Sim")

    /// Every Swift file under Sources/Sim, by folder, with its text less comments.
    static func files() throws -> [(folder: String, path: String, text: String)] {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        return try paths.sorted().map { path in
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.range(of: "//").map { line[..<$0.lowerBound] } ?? line
            }
            return (String(path.split(separator: "/")[0]), path, code.joined(separator: "\n"))
        }
    }

    @Test("every folder of Sources/Sim is a layer, and none refers to a type of a layer above it")
    func foldersAreLayers() throws {
        let files = try Self.files()
        #expect(Set(files.map(\.folder)) == Set(Self.layers))
        // The types each folder declares at the top level of its files.
        let declaration = try Regex(#"^(?:public |final |@\w+ )*(?:struct|enum|class|protocol|typealias) ([A-Z]\w*)"#)
            .anchorsMatchLineEndings()
        var owner: [Substring: String] = [:]
        for file in files {
            for match in file.text.matches(of: declaration) {
                if let name = match.output[1].substring { owner[name] = file.folder }
            }
        }
        #expect(owner.count > 100, "found \(owner.count) types")
        let word = try Regex(#"\b[A-Z]\w*\b"#)
        var upward: [String] = []
        for file in files {
            let level = Self.layers.firstIndex(of: file.folder)!
            let names = Set(file.text.matches(of: word).compactMap { $0.output[0].substring })
            for name in names.sorted() {
                guard let folder = owner[name], let other = Self.layers.firstIndex(of: folder), other > level else {
                    continue
                }
                upward.append("\(file.path) uses \(name) of \(folder)")
            }
        }
        #expect(upward.isEmpty, "\(upward)")
    }
}
