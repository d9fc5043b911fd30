#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Undirected social ties read from a text file, one tie per line.
///
/// A tie line is two non-negative integer citizen ids separated by whitespace or by one comma
/// (`12 40`, `12,40`, ` 12 , 40 `); blank lines and everything after a `#` are ignored. Self-loops
/// are dropped and counted; duplicate pairs are left for assembly to merge. The file is read in
/// fixed-size blocks and parsed byte by byte, so memory use does not grow with its size; each
/// pass re-reads it, so the file must not change while the graph is built.
struct EdgeListFile: TieSource {
    let path: String
    /// Ids must be below this bound: the population size, or `UInt32.max` when the file sets it.
    let citizenCount: Int

    /// Bytes read per block; a longer line grows the buffer.
    private static let blockSize = 1 << 20

    /// One past the largest id in the file (0 when it holds no ties).
    static func citizenCount(path: String) throws -> Int {
        var largest = -1
        try EdgeListFile(path: path, citizenCount: Int(UInt32.max)).forEachPair { a, b in
            largest = max(largest, a, b)
        }
        return largest + 1
    }

    func emit<Sink: TieSink>(into sink: inout Sink) throws(any Error) -> DroppedTies {
        var dropped = DroppedTies()
        try forEachPair { a, b in
            if a == b {
                dropped.selfLoops += 1
            } else {
                sink.add(a, b, .social)
            }
        }
        return dropped
    }

    /// Calls `body` with the two ids of every tie line, in file order.
    func forEachPair(_ body: (_ a: Int, _ b: Int) -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable() }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: EdgeListFile.blockSize)
        var filled = 0
        var line = 0
        var atEnd = false
        while !atEnd {
            if filled == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw unreadable()
            }
            atEnd = got == 0
            filled += got
            let consumed = try buffer.withUnsafeBufferPointer { bytes -> Int in
                let base = bytes.baseAddress!
                var start = 0
                while start < filled {
                    let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), filled - start)
                    guard newline != nil || atEnd else { break }
                    let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? filled
                    line += 1
                    if let (a, b) = try parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), line: line) {
                        body(a, b)
                    }
                    start = end + 1
                }
                return min(start, filled)
            }
            buffer.withUnsafeMutableBufferPointer { bytes in
                let base = bytes.baseAddress!
                base.update(from: base + consumed, count: filled - consumed)
            }
            filled -= consumed
        }
    }

    private func unreadable() -> GraphError {
        .unreadableEdgeList(path: path, reason: String(cString: strerror(errno)))
    }

    /// The ids on one line (without its newline), or nil for a blank or comment line.
    private func parse(_ text: UnsafeBufferPointer<UInt8>, line: Int) throws -> (Int, Int)? {
        var index = 0
        func skipBlanks() {
            while index < text.count,
                text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t")
                    || text[index] == UInt8(ascii: "\r")
            {
                index += 1
            }
        }
        /// Parses an id at `index`; nil when there are no digits there.
        func id() throws -> Int? {
            let start = index
            var value = 0
            while index < text.count, text[index] &- UInt8(ascii: "0") < 10 {
                if value < citizenCount { value = value * 10 + Int(text[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            guard index > start else { return nil }
            guard value < citizenCount else {
                let digits = String(decoding: UnsafeBufferPointer(rebasing: text[start..<index]), as: UTF8.self)
                throw GraphError.citizenOutOfRange(path: path, line: line, id: digits, citizenCount: citizenCount)
            }
            return value
        }
        skipBlanks()
        if index == text.count || text[index] == UInt8(ascii: "#") { return nil }
        if let a = try id() {
            let afterFirst = index
            skipBlanks()
            if index < text.count, text[index] == UInt8(ascii: ",") {
                index += 1
                skipBlanks()
            }
            if index > afterFirst, let b = try id() {
                skipBlanks()
                if index == text.count || text[index] == UInt8(ascii: "#") { return (a, b) }
            }
        }
        throw GraphError.malformedTie(path: path, line: line, text: quoted(text))
    }

    /// The line trimmed of surrounding blanks, cut to 80 characters.
    private func quoted(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let blanks: Set<Character> = [" ", "\t", "\r"]
        let trimmed = Substring(String(decoding: text, as: UTF8.self)).drop { blanks.contains($0) }
        let line = String(trimmed.reversed().drop { blanks.contains($0) }.reversed())
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}
