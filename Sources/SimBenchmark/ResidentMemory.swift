import Foundation

/// The process's resident memory, from Linux's /proc/self.
enum ResidentMemory {
    /// Resets the resident-set high-water mark (VmHWM) to the current resident set and returns
    /// the current resident bytes.
    static func resetPeak() -> Int {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return field("VmRSS")
    }

    /// The resident-set high-water mark in bytes since the last reset.
    static func peak() -> Int {
        field("VmHWM")
    }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}
