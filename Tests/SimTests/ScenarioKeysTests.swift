import Foundation
import Testing

@testable import Sim

/// The key table (`ScenarioKeys`) is complete, well formed, and what the docs describe.
@Suite struct ScenarioKeysTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lines around docs/MODEL.md's generated parameter reference.
    static let referenceStart =
        "<!-- Generated from the key table (Sources/Sim/ScenarioFile/ScenarioKeys*.swift): edit it there, then run "
        + "UPDATE_DOCS=1 bash scripts/test.sh to rewrite this section. -->\n"
    static let referenceEnd = "<!-- End of the generated reference. -->\n"

    static func read(_ path: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// Whether `key` is at `path` or below it.
    static func key(_ key: ScenarioKey, isAtOrBelow path: [String]) -> Bool {
        var prefix = key
        prefix.components = Array(key.components.prefix(path.count))
        return key.components.count >= path.count && prefix.matches(path)
    }

    /// Whether `path` is a declared key or a table holding one.
    static func declares(_ path: [String]) -> Bool {
        ScenarioKeys.all.contains { key(_: $0, isAtOrBelow: path) }
    }

    @Test func everyKeyIsDeclaredOnceWithDocAndSource() {
        let paths = ScenarioKeys.all.map(\.path)
        #expect(
            Set(paths).count == paths.count,
            "duplicate paths: \(paths.filter { p in paths.filter { $0 == p }.count > 1 })")
        #expect(paths.count >= 80)
        for key in ScenarioKeys.all {
            #expect(!key.doc.isEmpty, "\(key.path) has no doc")
            switch key.source {
            case .citation(let text), .assumption(let text): #expect(!text.isEmpty, "\(key.path) has an empty source")
            case .setting, .scenario: break
            }
            #expect(key.defaultText == nil || key.defaultNote == nil, "\(key.path) has two defaults")
        }
        for rule in ScenarioKeys.rules { #expect(!rule.text.isEmpty) }
        #expect(ScenarioKeys.rules.count >= 12)
    }

    @Test func defaultsAreTheSwiftTypesDefaults() throws {
        func key(_ path: String) throws -> ScenarioKey { try #require(ScenarioKeys.all.first { $0.path == path }) }
        #expect(try key("dissent.deterrence").defaultText == TOMLFormat.number(DissentParameters().deterrence))
        #expect(
            try key("sanctions[].means_factor").defaultText
                == TOMLFormat.number(Sanction(name: "", trigger: .scoreBelow(0)).meansFactor))
        #expect(try key("traits.hardship").defaultText == "{ distribution = \"beta\", alpha = 2, beta = 5 }")
        #expect(try key("surveillance.<channel>.coverage").range == .unit)
        #expect(try key("sanctions[].duration").isRequired)
        #expect(try key("sanctions[].trigger.score_below").defaultText == nil)
        #expect(try key("behaviours").defaultNote == Behaviour.defaults.map(\.name).joined(separator: ", "))
        #expect(try key("visibility.scores").defaultText == "\"private\"")
    }

    /// An unknown key in a table lists the table's declared keys, in the table's order.
    @Test func unknownKeysAreAnsweredFromTheTable() throws {
        for table in [
            "", "population", "traits", "graph", "graph.households", "legitimacy", "dissent", "conduct", "surveillance",
            "surveillance.street", "score", "score.association", "score.points", "detention", "peer_rating",
            "visibility",
        ] {
            let path = table.isEmpty ? [] : table.split(separator: ".").map(String.init)
            var known: [String] = []
            for key in ScenarioKeys.all where key.components.count > path.count && Self.key(key, isAtOrBelow: path) {
                let next: [String] =
                    switch key.components[path.count] {
                    case .key(let name): [name]
                    case .any(_, let names): names
                    case .element: []
                    }
                for name in next where !known.contains(name) && name != "extends" { known.append(name) }
            }
            let text = table.isEmpty ? "zzzzzz = 1" : "[\(table)]\nzzzzzz = 1"
            let keyPath = table.isEmpty ? "zzzzzz" : "\(table).zzzzzz"
            let line = table.isEmpty ? 1 : 2
            #expect(
                failure(text)
                    == "x.toml:\(line): \(keyPath): unknown key; expected one of \(known.joined(separator: ", "))")
        }
    }

    @Test func modelReferenceIsTheRenderedKeyTable() throws {
        let path = "docs/MODEL.md"
        let text = try Self.read(path)
        let start = try #require(text.range(of: Self.referenceStart), "docs/MODEL.md lacks the reference's first line")
        let end = try #require(
            text.range(of: Self.referenceEnd, range: start.upperBound..<text.endIndex),
            "docs/MODEL.md lacks the reference's last line")
        let expected = "\n" + ScenarioKeyReference.markdown() + "\n"
        let written = String(text[start.upperBound..<end.lowerBound])
        if written != expected, ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: expected)
            try updated.write(to: Self.packageRoot.appendingPathComponent(path), atomically: true, encoding: .utf8)
            return
        }
        #expect(
            written == expected,
            """
            docs/MODEL.md's parameter reference differs from the key table; run UPDATE_DOCS=1 bash \
            scripts/test.sh, or write this between its first and last lines:
            \(expected)
            """)
    }

    /// Every `code` span of docs/MODEL.md that names a key of a scenario table names a declared key
    /// or table.
    @Test func modelProseNamesOnlyDeclaredKeys() throws {
        let text = try Self.read("docs/MODEL.md")
        let tables = Set(
            ScenarioKeys.all.compactMap { key -> String? in
                guard key.components.count > 1, case .key(let name) = key.components[0] else { return nil }
                return name
            })
        var checked = 0
        var unknown: [String] = []
        for span in text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter({
            $0.offset % 2 == 1
        }) {
            let words = span.element.split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard words.contains("."), words.allSatisfy({ $0.isLowercase || $0.isNumber || "._[]".contains($0) }) else {
                continue
            }
            var path: [String] = []
            for part in words.split(separator: ".") {
                if let open = part.firstIndex(of: "[") {
                    path += [String(part[..<open]), String(part[open...])]
                } else {
                    path.append(String(part))
                }
            }
            guard let first = path.first, tables.contains(first) else { continue }
            checked += 1
            if !Self.declares(path) { unknown.append(String(span.element)) }
        }
        #expect(checked > 20)
        #expect(unknown.isEmpty, "docs/MODEL.md names keys the key table does not declare: \(unknown)")
    }

    /// docs/FORMATS.md's example scenario writes every declared key, and no other.
    @Test func formatsExampleWritesEveryKey() throws {
        let text = try Self.read("docs/FORMATS.md")
        let section = try #require(text.range(of: "## Scenario files (TOML)"))
        let open = try #require(text.range(of: "```toml\n", range: section.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "```\n", range: open.upperBound..<text.endIndex))
        let example = String(text[open.upperBound..<close.lowerBound])
        let tree = try ScenarioNode.parse(example, source: ScenarioSource(path: "FORMATS.md", text: example))

        var written: [[String]] = []
        func walk(_ node: ScenarioNode, at path: [String]) {
            for (key, child) in node.entries ?? [:] {
                let childPath = path + [key]
                let declared = ScenarioKeys.all.first { $0.matches(childPath) }
                switch child.value {
                case .table where declared == nil:
                    walk(child, at: childPath)
                case .array(let elements) where !elements.isEmpty && elements.allSatisfy({ $0.entries != nil }):
                    written.append(childPath)
                    for (index, element) in elements.enumerated() { walk(element, at: childPath + ["[\(index)]"]) }
                default:
                    written.append(childPath)
                }
            }
        }
        walk(tree, at: [])
        let unknown = written.filter { path in !ScenarioKeys.all.contains { $0.matches(path) } }
        let missing = ScenarioKeys.all.filter { key in !written.contains { key.matches($0) } }
        #expect(unknown.isEmpty, "docs/FORMATS.md's example writes undeclared keys: \(unknown.map(TOMLFormat.keyPath))")
        #expect(missing.isEmpty, "docs/FORMATS.md's example lacks declared keys: \(missing.map(\.path))")
    }

    /// Every shipped scenario's resolved TOML loads back to the same scenario and the same text.
    @Test func shippedScenariosRoundTripThroughTheResolvedTOML() throws {
        let library = ScenarioLibrary(folder: Self.packageRoot.appendingPathComponent("scenarios").path)
        let names = library.names()
        #expect(names.count >= 9)
        for name in names {
            let loaded = try ScenarioLoader(library: library).load(path: name)
            let again = try ScenarioLoader(library: library).load(tomlText: loaded.resolvedTOML, path: name + ".toml")
            #expect(again.scenario == loaded.scenario, "\(name)")
            #expect(again.resolvedTOML == loaded.resolvedTOML, "\(name)")
        }
    }
}
