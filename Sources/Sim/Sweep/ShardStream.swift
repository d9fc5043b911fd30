import Foundation

/// A finished sweep file of one shard (plain or gzip-compressed), read one run's rows at a time
/// in run id order, for ``SweepMerge``.
final class ShardStream {
    /// The file's path.
    let path: String
    /// The header line.
    let header: Data
    private let reader: LineReader
    /// The line read but not yet handed out, and its number.
    private var pending: (line: Data, number: Int)?
    private var number = 1

    /// Opens the file at `path` and reads its header.
    init(path: String) throws(SweepError) {
        self.path = path
        let first: Data?
        do {
            reader = try LineReader(path: path)
            first = try reader.next()
        } catch {
            throw SweepError(path: path, message: error.message)
        }
        guard let first, first.last == UInt8(ascii: "\n") else {
            throw SweepError(path: path, line: 1, message: "has no whole header line")
        }
        header = first
        pending = try read()
    }

    /// The rows of run `run`, which must be the next run in the file.
    func block(of run: Int) throws(SweepError) -> Data {
        var block = Data()
        while let line = pending?.line, SweepRows.runID(of: line.dropLast()) == run {
            block.append(line)
            pending = try read()
        }
        guard !block.isEmpty else {
            let line = pending.map(\.number)
            throw SweepError(path: path, line: line, message: "lacks run \(run), or holds runs out of order")
        }
        return block
    }

    /// Checks that every line was handed out.
    func finish() throws(SweepError) {
        if let pending {
            throw SweepError(path: path, line: pending.number, message: "holds a line of no run of this sweep")
        }
    }

    /// The next whole line and its number; nil at the end.
    private func read() throws(SweepError) -> (line: Data, number: Int)? {
        let line: Data?
        do {
            line = try reader.next()
        } catch {
            throw SweepError(path: path, message: error.message)
        }
        guard let line else { return nil }
        number += 1
        guard line.last == UInt8(ascii: "\n") else {
            throw SweepError(path: path, line: number, message: "ends in a torn line: the shard did not finish")
        }
        return (line, number)
    }
}
