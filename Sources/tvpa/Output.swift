#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place the CLI writes: standard output for results, standard error for diagnostics.
enum Output {
    static func print(_ text: String) { write(text, to: 1) }

    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        write(text, to: 2)
    }

    static var isTerminal: Bool { isatty(1) != 0 }
    static var errorIsTerminal: Bool { isatty(2) != 0 }

    /// Writes all of it, even when a pipe takes it in pieces; adds no line break.
    @discardableResult
    static func raw(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Writes all of it, even when a pipe takes it in pieces.
    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
