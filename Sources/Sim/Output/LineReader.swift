import CZlib
import Foundation

/// Reads a text file line by line, with memory bounded by the longest line, whether the file is plain or
/// gzip-compressed (any number of concatenated members; detected by the 1f 8b magic bytes, not the name).
///
/// Damaged gzip data (a failed CRC-32 or length check, an invalid deflate stream, bytes after a member that
/// do not start another one) and a file that ends inside a member are errors naming the file.
public final class LineReader {
    /// The file's path, as given.
    public let path: String
    private let chunkSize: Int
    private let descriptor: Int32
    /// Bytes read from the file and not yet handed to zlib (gzip) or to `lines` (plain).
    private let input: UnsafeMutablePointer<UInt8>
    /// The inflate stream and its output chunk; nil for a plain file.
    private let gzip: (stream: UnsafeMutablePointer<z_stream>, output: UnsafeMutablePointer<Bytef>)?
    /// Text read and not yet returned: `lines[start...]`, of which `lines[start..<scanned]` has no "\n".
    private var lines: [UInt8] = []
    private var start = 0
    private var scanned = 0
    /// The file has been read to its end.
    private var fileEnded = false
    /// zlib has been given bytes of a member whose end it has not yet reached.
    private var inMember = false
    /// All text has been read into `lines`.
    private var textEnded = false

    /// Opens the file at `path` for reading.
    public convenience init(path: String) throws(OutputError) {
        try self.init(path: path, chunkSize: 1 << 16)
    }

    /// Opens the file at `path`, reading it (and inflating it) `chunkSize` bytes at a time.
    init(path: String, chunkSize: Int) throws(OutputError) {
        precondition(chunkSize >= 2, "LineReader's chunk size must be at least 2 bytes")
        self.path = path
        self.chunkSize = chunkSize
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, message: "cannot open file (\(String(cString: strerror(errno))))")
        }
        self.descriptor = descriptor
        input = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)

        // Read at least the two magic bytes (or the whole file, if shorter) to tell gzip from plain text.
        var count = 0
        do {
            while count < 2 {
                let n = try Self.readChunk(descriptor, into: input + count, count: chunkSize - count, path: path)
                if n == 0 { break }
                count += n
            }
        } catch {
            input.deallocate()
            close(descriptor)
            throw error
        }
        fileEnded = count < 2

        if count >= 2 && input[0] == 0x1f && input[1] == 0x8b {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = czlib_inflate_init_gzip(stream)
            guard status == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                input.deallocate()
                close(descriptor)
                throw OutputError(path: path, message: "cannot start decompressing (zlib error \(status))")
            }
            stream.pointee.next_in = input
            stream.pointee.avail_in = uInt(count)
            gzip = (stream, UnsafeMutablePointer<Bytef>.allocate(capacity: chunkSize))
        } else {
            gzip = nil
            lines.append(contentsOf: UnsafeBufferPointer(start: input, count: count))
            textEnded = fileEnded
        }
    }

    deinit {
        if let gzip {
            inflateEnd(gzip.stream)
            gzip.stream.deinitialize(count: 1)
            gzip.stream.deallocate()
            gzip.output.deallocate()
        }
        input.deallocate()
        close(descriptor)
    }

    /// The next line including its "\n"; the last line without "\n" is returned as is; nil at the end.
    public func next() throws(OutputError) -> Data? {
        while true {
            let newline = lines.withUnsafeBufferPointer { buffer -> Int? in
                guard scanned < buffer.count, let base = buffer.baseAddress else { return nil }
                guard let found = memchr(base + scanned, 0x0a, buffer.count - scanned) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                let line = Data(lines[start...newline])
                start = newline + 1
                scanned = start
                return line
            }
            scanned = lines.count
            if textEnded {
                guard start < lines.count else { return nil }
                let line = Data(lines[start...])
                start = lines.count
                scanned = start
                return line
            }
            // Drop the lines already returned before reading more, so `lines` holds at most the
            // current line and one chunk.
            if start > 0 {
                lines.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            if gzip != nil { try inflateChunk() } else { try readPlainChunk() }
        }
    }

    /// Appends the file's next chunk to `lines`, or marks the text ended.
    private func readPlainChunk() throws(OutputError) {
        let n = try Self.readChunk(descriptor, into: input, count: chunkSize, path: path)
        if n == 0 {
            fileEnded = true
            textEnded = true
        } else {
            lines.append(contentsOf: UnsafeBufferPointer(start: input, count: n))
        }
    }

    /// Appends at least one inflated byte to `lines`, or marks the text ended.
    private func inflateChunk() throws(OutputError) {
        guard let (stream, output) = gzip else { return }
        while true {
            if stream.pointee.avail_in == 0 {
                if fileEnded {
                    if inMember { throw OutputError(path: path, message: "the file ends inside a gzip member") }
                    textEnded = true
                    return
                }
                let n = try Self.readChunk(descriptor, into: input, count: chunkSize, path: path)
                if n == 0 {
                    fileEnded = true
                    continue
                }
                stream.pointee.next_in = input
                stream.pointee.avail_in = uInt(n)
            }
            stream.pointee.next_out = output
            stream.pointee.avail_out = uInt(chunkSize)
            inMember = true
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = chunkSize - Int(stream.pointee.avail_out)
            lines.append(contentsOf: UnsafeBufferPointer(start: output, count: produced))
            switch status {
            case Z_OK:
                break
            case Z_STREAM_END:
                // The member's CRC-32 and length matched; the next bytes, if any, start another member.
                inflateReset(stream)
                inMember = false
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 || produced > 0:
                break  // no progress without more input: read more above
            case Z_MEM_ERROR:
                throw OutputError(path: path, message: "out of memory while decompressing")
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw OutputError(path: path, message: "the gzip data is damaged (\(reason))")
            }
            if produced > 0 { return }
        }
    }

    /// Reads up to `count` bytes, retrying when interrupted; 0 at the end of the file.
    private static func readChunk(
        _ descriptor: Int32, into buffer: UnsafeMutablePointer<UInt8>, count: Int, path: String
    ) throws(OutputError) -> Int {
        while true {
            let n = read(descriptor, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw OutputError(path: path, message: "cannot read file (\(String(cString: strerror(errno))))")
        }
    }
}
