import CZlib
import Foundation

/// One gzip member (RFC 1952) holding `data`, compressed with zlib's deflate at level 6, the default strategy
/// and memory level, with a fixed 10-byte header: no file name, modification time 0, XFL 0, OS 255 (unknown),
/// so the bytes depend only on `data` and the zlib version.
///
/// Concatenated members form a valid gzip file, which `gzip -dc` and ``LineReader`` read as the
/// concatenation of their data; members can thus be written, reordered and merged independently.
public enum GzipMember {
    /// The fixed header: magic 1f 8b, method 8 (deflate), no flags, MTIME 0, XFL 0, OS 255.
    static let header: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]

    /// zlib takes lengths as 32-bit `uInt`; longer inputs are fed in pieces of this size.
    private static let piece = 1 << 30
    private static let outputChunk = 1 << 16

    /// `data` as one gzip member: header, raw deflate stream, CRC-32 and ISIZE (little endian).
    public static func compress(_ data: Data) -> Data {
        var result = Data(header)
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let output = UnsafeMutablePointer<Bytef>.allocate(capacity: outputChunk)
        defer {
            output.deallocate()
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initStatus = czlib_deflate_init_raw(stream, 6)
        precondition(initStatus == Z_OK, "zlib's deflateInit2 failed (\(initStatus))")
        defer { deflateEnd(stream) }

        var crc = crc32(0, nil, 0)
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            let bytes = input.bindMemory(to: Bytef.self)
            var fed = 0
            while true {
                if stream.pointee.avail_in == 0 && fed < bytes.count {
                    let count = min(bytes.count - fed, piece)
                    let start = bytes.baseAddress! + fed
                    crc = crc32(crc, start, uInt(count))
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: start)
                    stream.pointee.avail_in = uInt(count)
                    fed += count
                }
                stream.pointee.next_out = output
                stream.pointee.avail_out = uInt(outputChunk)
                let status = deflate(stream, fed == bytes.count ? Z_FINISH : Z_NO_FLUSH)
                precondition(
                    status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END,
                    "zlib's deflate failed (\(status))")
                result.append(output, count: outputChunk - Int(stream.pointee.avail_out))
                if status == Z_STREAM_END { break }
            }
        }
        appendLittleEndian(UInt32(truncatingIfNeeded: crc), to: &result)
        appendLittleEndian(UInt32(truncatingIfNeeded: data.count), to: &result)  // ISIZE: the length mod 2^32
        return result
    }

    private static func appendLittleEndian(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
