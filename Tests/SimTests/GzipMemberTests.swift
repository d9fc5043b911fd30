import Foundation
import Testing

@testable import Sim

/// A fresh temporary folder for one test; `remove()` deletes it.
struct GzipTestFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Writes `data` to `name` in the folder and returns its path.
    func write(_ name: String, _ data: Data) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Gzip members are byte-for-byte reproducible and valid gzip, alone and concatenated.
@Suite struct GzipMemberTests {
    /// `count` bytes that deflate cannot shrink much (a fixed linear congruential sequence).
    static func noise(_ count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Data(
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            })
    }

    /// CSV-like text of `rows` lines.
    static func text(rows: Int, run: Int = 0) -> Data {
        Data((0..<rows).map { "\(run),\($0),\(Double($0) * 0.125),citizen-\($0 % 7)\n" }.joined().utf8)
    }

    /// What `gzip -dc` prints for `data` written to a file, failing the test if gzip complains.
    static func gunzip(_ data: Data) throws -> Data {
        let folder = try GzipTestFolder()
        defer { folder.remove() }
        let path = try folder.write("data.gz", data)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let decompressed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(complaints == "")
        return decompressed
    }

    @Test func compressIsDeterministicWithTheFixedHeaderAndTrailer() {
        let data = Self.text(rows: 500)
        let first = GzipMember.compress(data)
        let second = GzipMember.compress(Data(data))
        #expect(first == second)
        #expect(Array(first.prefix(10)) == [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff])
        // ISIZE is the input's length, little endian; the text compresses to well under its size.
        let size = Array(first.suffix(4))
        #expect(size == [UInt8(data.count & 0xff), UInt8(data.count >> 8 & 0xff), UInt8(data.count >> 16), 0])
        #expect(first.count < data.count / 3)
        #expect(GzipMember.compress(Self.text(rows: 500, run: 1)) != first)
        #expect(GzipMember.compress(Data()) == GzipMember.compress(Data()))
    }

    @Test func gzipReproducesTheInput() throws {
        for data in [Data(), Data("x".utf8), Self.text(rows: 2_000), Self.noise(200_000)] {
            let member = GzipMember.compress(data)
            #expect(Array(member.prefix(10)) == GzipMember.header)
            #expect(try Self.gunzip(member) == data, "\(data.count) bytes")
        }
    }

    @Test func concatenatedMembersAreOneGzipFile() throws {
        let parts = [Self.text(rows: 1, run: 0), Self.text(rows: 300, run: 1), Self.noise(70_000)]
        let file = parts.map(GzipMember.compress).reduce(Data(), +)
        #expect(try Self.gunzip(file) == parts.reduce(Data(), +))
        let withEmpty = [GzipMember.compress(Data()), GzipMember.compress(parts[1]), GzipMember.compress(Data())]
        #expect(try Self.gunzip(withEmpty.reduce(Data(), +)) == parts[1])
    }
}
