import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: standard output, or a file the user named. A file is written beside its
/// final name and moved into place only when the report is complete, so a failed run leaves
/// nothing half-written. Writes are buffered.
final class Destination {
    private let fd: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer = ""
    private(set) var failed = false

    init(path: String?) throws {
        guard let path else {
            fd = 1
            finalPath = nil
            temporaryPath = nil
            return
        }
        let temporary = path + ".partial-\(getpid())"
        let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard opened >= 0 else { throw ValidationError("cannot write \(path)") }
        fd = opened
        finalPath = path
        temporaryPath = temporary
    }

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    func flush() {
        if !buffer.isEmpty && !Output.raw(buffer, to: fd) { failed = true }
        buffer = ""
    }

    /// Completes the report: flushes, and moves a file into place.
    func finish() throws {
        flush()
        guard let finalPath, let temporaryPath else { return }
        close(fd)
        guard !failed, rename(temporaryPath, finalPath) == 0 else {
            unlink(temporaryPath)
            throw ValidationError("cannot write \(finalPath)")
        }
    }

    /// Gives up: a partial file is removed.
    func abandon() {
        guard let temporaryPath else { return }
        close(fd)
        unlink(temporaryPath)
    }
}
