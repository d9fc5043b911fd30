import Foundation

/// A CSV file that finished runs append their rows to, one block of rows per run, which survives
/// being killed and is finally rewritten in run id order.
///
/// Every row's first cell is its run's id. A run's rows are appended with a single `write` and the
/// file is never rewritten in place, so a killed process leaves whole blocks, except perhaps a
/// torn last one (a last line without its `\n`, or fewer rows than the run has). Opening the
/// journal again drops that torn block (truncating the file), keeps every whole block and reports
/// its run as done; a block damaged anywhere else is an error. Only where each block lies is
/// kept in memory, never the rows, so memory does not grow with the rows' size. ``finish(into:gzip:)``
/// streams the blocks in run id order into the final file (write, then rename), so that file does
/// not depend on the order runs finished in; gzip-compressed, the header and each run's block
/// are one gzip member each (``GzipMember``), so the compressed bytes too depend only on the rows.
///
/// `sweep.csv` (one row per run) and `sweep-timeseries.csv` (one row per written tick) are both journals.
public final class RowJournal {
    /// The journal file's path.
    public let path: String
    private let header: Data
    private let descriptor: Int32
    /// Each recorded run's block: its byte range in the file.
    private var blocks: [Int: Range<Int>]
    /// The file's length.
    private var length: Int

    private init(path: String, header: Data, descriptor: Int32, blocks: [Int: Range<Int>], length: Int) {
        self.path = path
        self.header = header
        self.descriptor = descriptor
        self.blocks = blocks
        self.length = length
    }

    deinit {
        close(descriptor)
    }

    /// Runs recorded so far.
    public var count: Int { blocks.count }

    /// Whether run `run` is recorded.
    public func contains(run: Int) -> Bool {
        blocks[run] != nil
    }

    /// Opens the journal at `path`, creating it with `header` when missing. `rowsPerRun` gives the
    /// number of rows of each run that may be recorded, nil for a run that may not; a torn last
    /// block is dropped.
    public static func open(path: String, header: Data, rowsPerRun: (Int) -> Int?) throws(SweepError) -> RowJournal {
        if !FileManager.default.fileExists(atPath: path) {
            try SweepFolder.replace(path, with: header)
        }
        let descriptor = Foundation.open(path, O_RDWR | O_APPEND)
        guard descriptor >= 0 else {
            throw SweepError(path: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        do throws(SweepError) {
            let scan = try scan(path: path, header: header, rowsPerRun: rowsPerRun)
            if scan.whole < scan.length, ftruncate(descriptor, off_t(scan.whole)) != 0 {
                throw SweepError(
                    path: path, message: "cannot drop the torn last run (\(String(cString: strerror(errno))))")
            }
            return RowJournal(
                path: path, header: header, descriptor: descriptor, blocks: scan.blocks, length: scan.whole)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// What a journal file holds: its whole blocks by run, the length they and the header take,
    /// and the file's length (more when it ends in a torn block).
    struct Scan {
        var blocks: [Int: Range<Int>] = [:]
        var whole: Int
        var length: Int
    }

    /// Reads the journal at `path` line by line (plain text): checks the header and that every
    /// run's rows are one contiguous, whole block of `rowsPerRun(run)` rows, except a torn last one.
    static func scan(path: String, header: Data, rowsPerRun: (Int) -> Int?) throws(SweepError) -> Scan {
        let reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            throw SweepError(path: path, message: error.message)
        }
        func nextLine() throws(SweepError) -> Data? {
            do {
                return try reader.next()
            } catch {
                throw SweepError(path: path, message: error.message)
            }
        }
        guard let first = try nextLine(), first == header else {
            throw SweepError(
                path: path, line: 1, message: "the header is not this sweep's columns: choose another --out")
        }
        var scan = Scan(whole: header.count, length: header.count)
        var open: (run: Int, start: Int, rows: Int, line: Int)?
        var number = 1
        func close(_ block: (run: Int, start: Int, rows: Int, line: Int), at end: Int) throws(SweepError) {
            let expected = rowsPerRun(block.run)!
            guard block.rows == expected else {
                throw SweepError(
                    path: path, line: block.line,
                    message: "run \(block.run) has \(block.rows) rows, expected \(expected): the file is damaged")
            }
            scan.blocks[block.run] = block.start..<end
            scan.whole = end
        }
        var end = scan.length
        while let line = try nextLine() {
            number += 1
            let start = end
            end += line.count
            scan.length = end
            guard line.last == UInt8(ascii: "\n") else {
                end = start
                break
            }
            guard let run = SweepRows.runID(of: line.dropLast()), rowsPerRun(run) != nil else {
                throw SweepError(path: path, line: number, message: "not a line of a run of this sweep folder")
            }
            if let block = open, block.run == run {
                open!.rows += 1
                continue
            }
            if let block = open { try close(block, at: start) }
            guard scan.blocks[run] == nil else {
                throw SweepError(path: path, line: number, message: "run \(run) appears twice")
            }
            open = (run, start, 1, number)
        }
        // The last block lacking rows is the torn rest of an interrupted write, dropped with any torn line.
        if let block = open, block.rows >= rowsPerRun(block.run)! {
            try close(block, at: end)
        }
        return scan
    }

    /// Appends `rows` (whole lines), every row of run `run`, in one write.
    public func append(_ rows: Data, run: Int) throws(SweepError) {
        precondition(rows.last == UInt8(ascii: "\n") && blocks[run] == nil, "whole rows of a new run")
        var written = 0
        while written < rows.count {
            let result = rows.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw SweepError(path: path, message: "cannot append run \(run) (\(String(cString: strerror(errno))))")
            }
            written += result
        }
        blocks[run] = length..<length + rows.count
        length += rows.count
    }

    /// Writes the header and every block in run id order to `destination` (which may be the
    /// journal's own path), whole or not at all, gzip-compressed when `gzip` is set.
    public func finish(into destination: String, gzip: Bool) throws(SweepError) {
        try SweepFolder.replace(destination) { (output: FileHandle) throws(SweepError) in
            try Self.write(header, to: output, gzip: gzip, path: destination)
            for run in blocks.keys.sorted() {
                try Self.write(try block(of: run), to: output, gzip: gzip, path: destination)
            }
        }
    }

    /// Run `run`'s rows, read back from the file.
    func block(of run: Int) throws(SweepError) -> Data {
        let range = blocks[run]!
        var data = Data(count: range.count)
        var done = 0
        while done < range.count {
            let result = data.withUnsafeMutableBytes { bytes in
                pread(descriptor, bytes.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw SweepError(
                    path: path, message: "cannot read run \(run) back (\(String(cString: strerror(errno))))")
            }
            done += result
        }
        return data
    }

    /// Writes `data` (a header or a run's rows) to `output`, the file at `path`: as is, or as one
    /// gzip member.
    static func write(_ data: Data, to output: FileHandle, gzip: Bool, path: String) throws(SweepError) {
        do {
            try output.write(contentsOf: gzip ? GzipMember.compress(data) : data)
        } catch {
            throw SweepError(path: path, message: "cannot write the file (\(error.localizedDescription))")
        }
    }
}
