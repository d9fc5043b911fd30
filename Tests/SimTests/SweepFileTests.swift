import Foundation
import Testing

@testable import Sim

/// Bad sweep files fail with one line naming the sweep file, the line and the key, as scenario
/// files and `--set` do.
@Suite struct SweepFileTests {
    /// The error that planning `text` (as `sweep.toml` next to a small base scenario) fails with,
    /// with the folder's path replaced by `DIR`; nil when it succeeds.
    static func failure(_ text: String) throws -> String? {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let path = try folder.write("sweep.toml", text)
        do {
            _ = try SweepPlan.make(try SweepFile.load(path: path, library: ScenarioLibrary(folder: nil)))
            return nil
        } catch {
            return error.description.replacingOccurrences(of: folder.path, with: "DIR")
        }
    }

    static let head = "[sweep]\nbase = \"base\"\n\n"

    @Test func anUnknownKeyPathGetsTheSetMessageAtTheSweepFilesLine() throws {
        let text = Self.head + "[[axes]]\nkey = \"surveillance.dissent.coverag\"\nvalues = [0.1]\n"
        #expect(
            try Self.failure(text)
                == "DIR/sweep.toml:5: surveillance.dissent.coverag: unknown key; did you mean 'coverage'?")
        let set = "[sweep]\nbase = \"base\"\nset = [\n  \"ticks=3\",\n  \"graph.mean_degre=4\",\n]\n"
        #expect(try Self.failure(set) == "DIR/sweep.toml:5: graph.mean_degre: unknown key; did you mean 'mean_degree'?")
    }

    @Test func aBadValueIsNamedAtItsOwnLine() throws {
        let text = Self.head + "[[axes]]\nkey = \"legitimacy.value\"\nvalues = [\n  0.5,\n  1.5,\n]\n"
        #expect(try Self.failure(text) == "DIR/sweep.toml:8: legitimacy.value: expected a number in [0, 1], got 1.5")
        let range = Self.head + "[[axes]]\nkey = \"ticks\"\nrange = { from = 1, to = 10, steps = 3 }\n"
        #expect(try Self.failure(range) == "DIR/sweep.toml:6: ticks: expected an integer, got number 5.5")
    }

    @Test func emptyAxesZeroStepsAndOtherMistakesAreRefused() throws {
        let cases: [(String, String)] = [
            (
                "[[axes]]\nkey = \"legitimacy.value\"\nvalues = []\n",
                "DIR/sweep.toml:6: axes[0].values: expected at least one value, got an empty list"
            ),
            (
                "[[axes]]\nkey = \"legitimacy.value\"\nrange = { from = 0, to = 1, steps = 0 }\n",
                "DIR/sweep.toml:6: axes[0].range.steps: expected an integer >= 1, got 0"
            ),
            (
                "[[axes]]\nkey = \"legitimacy.value\"\nrange = { from = 0, to = 1 }\n",
                "DIR/sweep.toml:6: axes[0].range.steps: missing; a range under grid sampling needs the number of values from..to"
            ),
            (
                "[[axes]]\nkey = \"legitimacy.value\"\n",
                "DIR/sweep.toml:4: axes[0].values: missing; an axis needs values = [...] or range = { from, to, steps }"
            ),
            (
                "[[axes]]\nkey = \"legitimacy.value\"\nvalue = [0.2]\n",
                "DIR/sweep.toml:6: axes[0].value: unknown key; did you mean 'values'?"
            ),
            (
                "[[axes]]\nkey = \"seed\"\nvalues = [1, 2]\n",
                "DIR/sweep.toml:5: axes[0].key: each run's seed comes from the sweep's seed; use sweep.seed and replicates"
            ),
            (
                "[[axes]]\nkey = \"ticks\"\nvalues = [3]\n[[axes]]\nkey = \"ticks\"\nvalues = [4]\n",
                "DIR/sweep.toml:8: axes[1].key: \"ticks\" is swept twice"
            ),
            (
                "[[axes]]\nkey = \"graph model\"\nvalues = [3]\n",
                "DIR/sweep.toml:5: graph model: expected a scenario key path such as surveillance.dissent.coverage or sanctions[0].duration"
            ),
            ("[[axis]]\nkey = \"ticks\"\nvalues = [3]\n", "DIR/sweep.toml:4: axis: unknown key; did you mean 'axes'?"),
        ]
        for (body, expected) in cases {
            #expect(try Self.failure(Self.head + body) == expected)
        }
    }

    @Test func theSweepTableIsChecked() throws {
        #expect(
            try Self.failure("ticks = 3\n")
                == "DIR/sweep.toml: sweep: missing; a sweep file has a [sweep] table (base, seed, replicates, sampling)"
        )
        #expect(
            try Self.failure("[sweep]\nbase = \"nowhere\"\n")
                == "DIR/sweep.toml:2: sweep.base: no scenario \"nowhere\": no such file next to DIR/sweep.toml and no shipped scenario of that name"
        )
        #expect(
            try Self.failure("[sweep]\nbase = \"base\"\nreplicate = 3\n")
                == "DIR/sweep.toml:3: sweep.replicate: unknown key; did you mean 'replicates'?")
        #expect(
            try Self.failure(
                "[sweep]\nbase = \"base\"\nsampling = \"sobol\"\n[[axes]]\nkey = \"ticks\"\nvalues = [3]\n")
                == "DIR/sweep.toml:1: sweep.count: missing; sobol sampling needs the number of points")
        #expect(
            try Self.failure("[sweep]\nbase = \"base\"\ncount = 8\n")
                == "DIR/sweep.toml:3: sweep.count: only sobol sampling takes a count")
        #expect(
            try Self.failure("[sweep]\nbase = \"base\"\nsampling = \"sobol\"\ncount = 8\n")
                == "DIR/sweep.toml: axes: sobol sampling needs 1 to 40 axes, got 0")
        #expect(
            try Self.failure("[sweep]\nbase = \"base\"\nset = [\"seed=3\"]\n")
                == "DIR/sweep.toml:3: sweep.set[0]: each run's seed comes from the sweep's seed; use sweep.seed and replicates"
        )
        #expect(try Self.failure("[sweep\n")?.hasPrefix("DIR/sweep.toml:1: invalid TOML") == true)
    }

    @Test func saltelliLinkedKeysAndTimeseriesOptionsAreChecked() throws {
        let saltelli = "[sweep]\nbase = \"base\"\nsampling = \"saltelli\"\n"
        let range = "range = { from = 0.1, to = 0.9 }\n"
        let axes = (0..<21).map { "[[axes]]\nkey = \"sanctions[\($0)].x\"\n" + range }.joined()
        let cases: [(String, String)] = [
            (
                saltelli + "count = 12\n[[axes]]\nkey = \"legitimacy.value\"\n" + range,
                "DIR/sweep.toml:4: sweep.count: saltelli sampling needs a power of two >= 2 base points (Sobol points balance at powers of two), got 12"
            ),
            (
                saltelli + "count = 8\n[[axes]]\nkey = \"legitimacy.value\"\nvalues = [0.2, 0.4]\n",
                "DIR/sweep.toml:6: legitimacy.value: saltelli sampling needs range = { from, to } on every axis, not a list of values"
            ),
            (saltelli + "count = 8\n" + axes, "DIR/sweep.toml: axes: saltelli sampling needs 1 to 20 axes, got 21"),
            (saltelli, "DIR/sweep.toml:1: sweep.count: missing; saltelli sampling needs the number of base points"),
            (
                Self.head + "[[axes]]\nkeys = [\"surveillance.street.coverage\", \"surveillance.traffic.coverage\"]\n"
                    + "factors = [1.0]\nvalues = [0.2]\n",
                "DIR/sweep.toml:6: axes[0].factors: expected one factor per linked key (2), got 1"
            ),
            (
                Self.head + "[[axes]]\nkey = \"legitimacy.value\"\nfactors = [2.0]\nvalues = [0.2]\n",
                "DIR/sweep.toml:6: axes[0].factors: factors go with linked keys = [...]"
            ),
            (
                Self.head + "[[axes]]\nkeys = [\"legitimacy.value\"]\nvalues = [0.2]\n",
                "DIR/sweep.toml:5: axes[0].keys: expected at least two linked key paths, got 1 (use key = \"...\" for one)"
            ),
            (
                Self.head + "[[axes]]\nkeys = [\"surveillance.street.coverage\", \"surveillance.traffic.coverage\"]\n"
                    + "factors = [1.0, 0.5]\nvalues = [\"high\"]\n",
                "DIR/sweep.toml:7: axes[0].values[0]: linked keys with factors take numbers, got string \"high\""
            ),
            (
                Self.head + "[[axes]]\nkey = \"legitimacy.value\"\nvalues = [0.2]\n"
                    + "[[axes]]\nkeys = [\"surveillance.street.coverage\", \"legitimacy.value\"]\nvalues = [0.2]\n",
                "DIR/sweep.toml:8: axes[1].keys: \"legitimacy.value\" is swept twice"
            ),
            (
                "[sweep]\nbase = \"base\"\ntimeseries_every = 5\n",
                "DIR/sweep.toml:3: sweep.timeseries_every: only with timeseries = true"
            ),
            (
                "[sweep]\nbase = \"base\"\ntimeseries = true\ncompress = \"zip\"\n",
                "DIR/sweep.toml:4: sweep.compress: expected one of none, gzip, got \"zip\"; did you mean 'gzip'?"
            ),
        ]
        for (text, expected) in cases {
            let message = try Self.failure(text)
            #expect(message == expected)
        }
    }

    @Test func aSweepFileIsRecognisedByItsSweepTable() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        #expect(SweepFile.isSweepFile(path: try folder.write("s.toml", Self.head)))
        #expect(!SweepFile.isSweepFile(path: (folder.path as NSString).appendingPathComponent("base.toml")))
        #expect(!SweepFile.isSweepFile(path: (folder.path as NSString).appendingPathComponent("missing.toml")))
    }

    @Test func shardSpecsAreKOfN() throws {
        #expect(try SweepShard(parsing: "2/8") == SweepShard(index: 2, count: 8))
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", "-1/4", "1/4/2", ""] {
            #expect(throws: SweepError.self) { try SweepShard(parsing: bad) }
        }
        #expect(
            throws: SweepError(
                path: "--shard 0/4", message: "expected k/n with 1 <= k <= n (shard k of n), e.g. --shard 2/8")
        ) {
            try SweepShard(parsing: "0/4")
        }
        let shard = SweepShard(index: 2, count: 3)
        #expect((0..<9).filter(shard.contains(run:)) == [1, 4, 7])
    }
}
