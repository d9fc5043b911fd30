import Dispatch

/// Splits 0..<count into chunks of a fixed size and runs a body over them on up to `threads`
/// workers.
///
/// The chunk size never depends on the core count, so anything computed per chunk and combined in
/// chunk order is identical whatever the number of threads. Workers take chunks in a fixed stride
/// (worker w runs chunks w, w + workers, ...): who runs a chunk never changes what it computes.
public struct ChunkedParallel: Sendable {
    /// Citizens per chunk: large enough to amortise scheduling, small enough to balance 2..64 cores.
    public static let defaultChunkSize = 16_384

    /// Number of items.
    public let count: Int
    /// Items per chunk (the last chunk may be shorter).
    public let chunkSize: Int
    /// Upper bound on concurrent workers (at least 1).
    public let threads: Int

    public init(count: Int, chunkSize: Int = ChunkedParallel.defaultChunkSize, threads: Int) {
        precondition(count >= 0 && chunkSize > 0 && threads > 0, "invalid parallel plan")
        self.count = count
        self.chunkSize = chunkSize
        self.threads = threads
    }

    /// Number of chunks.
    public var chunkCount: Int { (count + chunkSize - 1) / chunkSize }

    /// Number of workers actually used: no more than there are chunks.
    public var workerCount: Int { Swift.max(1, Swift.min(threads, chunkCount)) }

    /// The item range of chunk `chunk`.
    public func range(ofChunk chunk: Int) -> Range<Int> {
        let start = chunk * chunkSize
        return start..<Swift.min(start + chunkSize, count)
    }

    /// Runs `body(worker, chunk, range)` once for every chunk. `worker` is in 0..<workerCount and
    /// identifies per-worker scratch space; results must not depend on it.
    public func forEachChunk(_ body: @Sendable (_ worker: Int, _ chunk: Int, _ range: Range<Int>) -> Void) {
        let workers = workerCount
        let chunks = chunkCount
        if workers == 1 {
            for chunk in 0..<chunks { body(0, chunk, range(ofChunk: chunk)) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var chunk = worker
            while chunk < chunks {
                body(worker, chunk, range(ofChunk: chunk))
                chunk += workers
            }
        }
    }
}
