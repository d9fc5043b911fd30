import Foundation

/// `sweep.csv` of a sweep folder: a header, then one line per finished run.
///
/// While a sweep runs, each finished run's line is appended with a single `write` and the file is
/// never rewritten in place, so a killed sweep leaves whole lines, except perhaps a torn last line
/// without its `\n`. Opening the log again drops that torn line (truncating the file to its last
/// `\n`), keeps every whole line and reports their runs as done. When every run of the folder is
/// done, ``finish()`` rewrites the file with its lines in run id order (write, then rename), so the
/// finished file does not depend on the order runs finished in.
public final class SweepLog {
    /// The file name in a sweep folder.
    public static let fileName = "sweep.csv"

    /// The file's path.
    public let path: String
    private let header: Data
    private let descriptor: Int32
    /// The line (with its `\n`) of every run done so far, by run id.
    public private(set) var lines: [Int: Data]

    private init(path: String, header: Data, descriptor: Int32, lines: [Int: Data]) {
        self.path = path
        self.header = header
        self.descriptor = descriptor
        self.lines = lines
    }

    deinit {
        close(descriptor)
    }

    /// Opens (creating with `table`'s header if missing) the log of `folder`, where only runs
    /// `expected` belongs may be recorded.
    public static func open(folder: SweepFolder, table: SweepTable, expected: (Int) -> Bool) throws(SweepError)
        -> SweepLog
    {
        let path = folder.file(fileName)
        let header = table.header
        if !FileManager.default.fileExists(atPath: path) {
            try SweepFolder.replace(path, with: header)
        }
        let descriptor = Foundation.open(path, O_RDWR | O_APPEND)
        guard descriptor >= 0, let data = FileManager.default.contents(atPath: path) else {
            if descriptor >= 0 { close(descriptor) }
            throw SweepError(path: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        do throws(SweepError) {
            let lines = try read(data, path: path, header: header, expected: expected)
            let whole = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            if whole < data.count, ftruncate(descriptor, off_t(whole)) != 0 {
                throw SweepError(
                    path: path, message: "cannot drop the torn last line (\(String(cString: strerror(errno))))")
            }
            return SweepLog(path: path, header: header, descriptor: descriptor, lines: lines)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// The whole lines of `data` after its header, by run id; the last line, when it has no `\n`, is ignored.
    static func read(_ data: Data, path: String, header: Data, expected: (Int) -> Bool) throws(SweepError)
        -> [Int: Data]
    {
        guard data.starts(with: header) else {
            throw SweepError(
                path: path, line: 1, message: "the header is not this sweep's columns: choose another --out")
        }
        var lines: [Int: Data] = [:]
        var start = data.startIndex + header.count
        var number = 2
        while let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = data[start..<end]
            guard let run = SweepTable.runID(of: line), expected(run) else {
                throw SweepError(path: path, line: number, message: "not a line of a run of this sweep folder")
            }
            guard lines[run] == nil else {
                throw SweepError(path: path, line: number, message: "run \(run) appears twice")
            }
            lines[run] = Data(data[start...end])
            start = end + 1
            number += 1
        }
        return lines
    }

    /// Appends `line` (ending in `\n`), the result of run `run`, in one write.
    public func append(_ line: Data, run: Int) throws(SweepError) {
        precondition(line.last == UInt8(ascii: "\n") && lines[run] == nil, "one whole line per run")
        var written = 0
        while written < line.count {
            let result = line.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw SweepError(path: path, message: "cannot append run \(run) (\(String(cString: strerror(errno))))")
            }
            written += result
        }
        lines[run] = line
    }

    /// Rewrites the file as its header and the lines in run id order, whole or not at all.
    public func finish() throws(SweepError) {
        var data = header
        for run in lines.keys.sorted() { data.append(lines[run]!) }
        try SweepFolder.replace(path, with: data)
    }
}
