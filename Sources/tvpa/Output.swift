#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place the CLI writes: standard output for results, standard error for diagnostics.
enum Output {
    static func print(_ text: String) {
        if !write(text, to: 1) { noteStandardOutputFailure() }
    }

    /// Standard output was closed when the process started (`Delivery.prepare`).
    nonisolated(unsafe) static var standardOutputClosed = false
    /// The errno of the first write to standard output that failed.
    nonisolated(unsafe) static var standardOutputErrno: Int32?

    /// The errno of the last write that failed.
    nonisolated(unsafe) static var lastErrno: Int32 = 0

    static func noteStandardOutputFailure() {
        // A reader that closed the pipe early ends the run with the shell's SIGPIPE status and
        // no message, whether or not SIGPIPE was ignored by whoever started us.
        if lastErrno == EPIPE { exit(141) }
        if standardOutputErrno == nil { standardOutputErrno = lastErrno }
    }

    /// Why the report on standard output was not delivered, if it was not.
    static func standardOutputFailure() -> OutputFailure? {
        if let number = standardOutputErrno { return .writeFailed("standard output", errno: number) }
        if standardOutputClosed && wroteToStandardOutput {
            return OutputFailure(code: 74, description: "cannot write standard output: it was closed when tvpa started")
        }
        return nil
    }

    nonisolated(unsafe) static var wroteToStandardOutput = false

    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        _ = write(text, to: 2)
    }

    static var isTerminal: Bool { isatty(1) != 0 }
    static var errorIsTerminal: Bool { isatty(2) != 0 }

    /// Writes all of it, even when a pipe takes it in pieces; adds no line break.
    @discardableResult
    static func raw(_ text: String, to fd: Int32) -> Bool {
        if fd == 1 { wroteToStandardOutput = true }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                lastErrno = n < 0 ? errno : EIO
                return false
            }
            offset += n
        }
        return true
    }

    /// Writes all of it and a final line break, even when a pipe takes it in pieces.
    @discardableResult
    private static func write(_ text: String, to fd: Int32) -> Bool {
        raw(text.hasSuffix("\n") ? text : text + "\n", to: fd)
    }
}
