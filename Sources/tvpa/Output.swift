import SystemPackage
import TVPARules

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
        var text = text
        return text.withUTF8 { raw(UnsafeRawBufferPointer($0), to: fd) }
    }

    /// Writes all the bytes through swift-system (which retries an interrupted write).
    @discardableResult
    static func raw(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        if fd == 1 { wroteToStandardOutput = true }
        guard !bytes.isEmpty else { return true }
        do {
            _ = try FileDescriptor(rawValue: fd).writeAll(bytes)
            return true
        } catch {
            lastErrno = (error as? Errno)?.rawValue ?? EIO
            return false
        }
    }

    /// Writes all of it and a final line break, even when a pipe takes it in pieces.
    @discardableResult
    private static func write(_ text: String, to fd: Int32) -> Bool {
        raw(text.hasSuffix("\n") ? text : text + "\n", to: fd)
    }
}

/// Standard output in blocks: a corpus's reports are gathered and written 64 KiB at a time,
/// not a write per case. On a terminal each report is written as it comes.
struct BufferedOutput {
    private(set) var buffer = JSONBytes(capacity: 1 << 17)
    private let immediate = Output.isTerminal

    /// The bytes to append to: write into it, then call `written()`.
    mutating func append(_ body: (inout JSONBytes) -> Void) {
        body(&buffer)
        written()
    }

    /// A report as `Output.print` writes it: with a final line break.
    mutating func print(_ text: String) {
        buffer.raw(text)
        if !text.hasSuffix("\n") { buffer.raw(UInt8(ascii: "\n")) }
        written()
    }

    private mutating func written() {
        if immediate || buffer.bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.bytes.isEmpty else { return }
        let ok = buffer.bytes.withUnsafeBytes { Output.raw($0, to: 1) }
        if !ok { Output.noteStandardOutputFailure() }
        buffer.bytes.removeAll(keepingCapacity: true)
    }
}
