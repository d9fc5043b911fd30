import Foundation
import Testing

@testable import Sim

/// LineReader gives a file's lines whether it is plain or made of gzip members, and reports damaged
/// or truncated gzip data as an error naming the file.
@Suite struct LineReaderTests {
    /// Chunk sizes from the smallest allowed to the default, so lines and members straddle chunks.
    static let chunkSizes = [2, 3, 7, 64, 1 << 16]

    /// All lines of the file at `path`, read `chunkSize` bytes at a time.
    static func lines(_ path: String, chunkSize: Int = 1 << 16) throws -> [String] {
        let reader =
            chunkSize == 1 << 16 ? try LineReader(path: path) : try LineReader(path: path, chunkSize: chunkSize)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(try reader.next() == nil)
        return lines
    }

    /// The error reading the whole file fails with, with the folder replaced by `DIR`; nil if none.
    static func failure(_ path: String, folder: GzipTestFolder, chunkSize: Int = 1 << 16) -> String? {
        do {
            _ = try lines(path, chunkSize: chunkSize)
            return nil
        } catch {
            let description = (error as? OutputError)?.description ?? "not an OutputError: \(error)"
            return description.replacingOccurrences(of: folder.path, with: "DIR")
        }
    }

    static let expected = ["run,t,value\n", "0,0,1.5\n", "0,1,2.5\n", "1,0,3.5\n", "", "1,1,é\n", "last"]

    /// The expected text cut at places that are not line ends (with one empty piece), each piece to be a member.
    static func pieces() -> [Data] {
        let text = Data(expected.joined().utf8)
        let cuts = [0, 5, 12, 12, 30, text.count]
        return zip(cuts, cuts.dropFirst()).map { text.subdata(in: $0..<$1) }
    }

    static func members() -> [Data] { pieces().map(GzipMember.compress) }

    /// `text` split after each "\n", the last line kept without one.
    static func split(_ text: Data) -> [String] {
        var lines: [String] = []
        var line = ""
        for character in String(decoding: text, as: UTF8.self) {
            line.append(character)
            if character == "\n" {
                lines.append(line)
                line = ""
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }

    @Test func plainAndGzipFilesGiveTheSameLines() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let want = Self.expected.filter { !$0.isEmpty }
        let plain = try folder.write("plain.csv", Data(Self.expected.joined().utf8))
        let gzip = try folder.write("gzip.csv", Self.members().reduce(Data(), +))  // told apart by content
        for chunkSize in Self.chunkSizes {
            #expect(try Self.lines(plain, chunkSize: chunkSize) == want, "chunk \(chunkSize)")
            #expect(try Self.lines(gzip, chunkSize: chunkSize) == want, "chunk \(chunkSize)")
        }
        // Members written independently can be reordered: the lines follow.
        let header = GzipMember.compress(Data("run,t\n".utf8))
        let runs = (0..<3).map { GzipMember.compress(Data("\($0),0\n\($0),1\n".utf8)) }
        let reordered = try folder.write("reordered.csv.gz", header + runs[2] + runs[0] + runs[1])
        #expect(try Self.lines(reordered) == ["run,t\n", "2,0\n", "2,1\n", "0,0\n", "0,1\n", "1,0\n", "1,1\n"])
    }

    @Test func aLastLineWithoutNewlineAndEmptyLinesAreKept() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let text = Data("a\n\n\nb".utf8)
        let plain = try folder.write("plain.csv", text)
        let gzip = try folder.write("gzip.csv.gz", GzipMember.compress(text))
        let single = try folder.write("single.csv", Data("x".utf8))
        for chunkSize in Self.chunkSizes {
            #expect(try Self.lines(plain, chunkSize: chunkSize) == ["a\n", "\n", "\n", "b"])
            #expect(try Self.lines(gzip, chunkSize: chunkSize) == ["a\n", "\n", "\n", "b"])
            #expect(try Self.lines(single, chunkSize: chunkSize) == ["x"])
        }
    }

    @Test func linesLongerThanTheChunkSizeComeWhole() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let long = String(repeating: "0123456789,", count: 20_000) + "\n"  // 220,001 bytes: over three chunks
        let want = ["short\n", long, "mid\n", long, String(long.dropLast())]
        let text = Data(want.joined().utf8)
        let plain = try folder.write("plain.csv", text)
        let gzip = try folder.write("gzip.csv.gz", GzipMember.compress(text) + GzipMember.compress(text))
        #expect(try Self.lines(plain) == want)
        #expect(try Self.lines(plain, chunkSize: 1000) == want)
        #expect(try Self.lines(gzip) == want.dropLast() + [want.last! + "short\n"] + want.dropFirst())
        #expect(try Self.lines(gzip, chunkSize: 1000) == want.dropLast() + [want.last! + "short\n"] + want.dropFirst())
    }

    @Test func emptyFilesEndAtOnce() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let empty = try folder.write("empty.csv", Data())
        let emptyMembers = try folder.write("empty.csv.gz", GzipMember.compress(Data()) + GzipMember.compress(Data()))
        for path in [empty, emptyMembers] {
            let reader = try LineReader(path: path)
            #expect(try reader.next() == nil)
            #expect(try reader.next() == nil)
        }
    }

    @Test func aGzipFileCutShortIsAnErrorNamingIt() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let pieces = Self.pieces()
        let members = Self.members()
        let file = members.reduce(Data(), +)
        var boundaries: [Int: Int] = [:]  // the length of the first k members -> k
        var length = 0
        for (k, member) in members.enumerated() {
            length += member.count
            boundaries[length] = k + 1
        }
        // Every cut from the magic bytes on: at a member boundary the whole members' text is read
        // (that is how shards merge), anywhere else the file ends inside a member.
        for cut in 2..<file.count {
            let path = try folder.write("cut.csv.gz", file.prefix(cut))
            for chunkSize in [3, 1 << 16] {
                if let k = boundaries[cut] {
                    let want = Self.split(pieces.prefix(k).reduce(Data(), +))
                    #expect(try Self.lines(path, chunkSize: chunkSize) == want, "cut \(cut)")
                } else {
                    #expect(
                        Self.failure(path, folder: folder, chunkSize: chunkSize)
                            == "DIR/cut.csv.gz: the file ends inside a gzip member", "cut \(cut)")
                }
            }
        }
    }

    @Test func damagedGzipDataIsAnErrorNamingTheFile() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let header = GzipMember.compress(Data("run,t,value\n".utf8))
        let body = GzipMember.compress(GzipMemberTests.text(rows: 400))
        let good = header + body
        #expect(try Self.lines(try folder.write("good.csv.gz", good)).count == 401)

        func damaged(_ offset: Int, _ flip: UInt8 = 0xff) throws -> String? {
            var bytes = good
            bytes[offset] ^= flip
            return Self.failure(try folder.write("bad.csv.gz", bytes), folder: folder)
        }
        // A flipped byte inside the deflate data, in each member.
        for offset in [12, header.count + 10, header.count + body.count / 2] {
            let message = try #require(try damaged(offset), "offset \(offset)")
            #expect(
                message.hasPrefix("DIR/bad.csv.gz: the gzip data is damaged (")
                    || message == "DIR/bad.csv.gz: the file ends inside a gzip member", "\(message)")
        }
        // The trailer's checks, the header's method byte, and bytes after the last member.
        #expect(try damaged(good.count - 8, 0x01) == "DIR/bad.csv.gz: the gzip data is damaged (incorrect data check)")
        #expect(
            try damaged(good.count - 4, 0x01) == "DIR/bad.csv.gz: the gzip data is damaged (incorrect length check)")
        #expect(
            try damaged(header.count + 2, 0x01)
                == "DIR/bad.csv.gz: the gzip data is damaged (unknown compression method)")
        let trailing = try folder.write("trailing.csv.gz", good + Data("junk\n".utf8))
        #expect(
            Self.failure(trailing, folder: folder)
                == "DIR/trailing.csv.gz: the gzip data is damaged (incorrect header check)")
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let path = (folder.path as NSString).appendingPathComponent("missing.csv.gz")
        #expect(
            Self.failure(path, folder: folder) == "DIR/missing.csv.gz: cannot open file (No such file or directory)")
    }
}
