import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report goes: standard output, or a file the user named. A file is written beside its
/// final name and moved into place only when the report is complete, so a failed or
/// interrupted run leaves nothing half-written. Only a regular file is ever replaced: a path
/// that is a symlink, a device, a folder or a pipe is refused (exit 73) rather than written
/// through, since replacing it would replace the node itself (`--output /dev/null` as root).
/// Writes are buffered.
final class Destination {
    private let fd: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer = ""
    /// The errno of the first write that failed.
    private(set) var failure: Int32?

    init(path: String?) throws(OutputFailure) {
        guard let path else {
            fd = 1
            finalPath = nil
            temporaryPath = nil
            return
        }
        try Self.checkReplaceable(path)
        let temporary = path + ".partial-\(getpid())"
        PartialFiles.register(temporary)
        let opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard opened >= 0 else {
            let number = errno
            PartialFiles.unregister(temporary)
            throw .cannotCreate(path, OutputFailure.reason(number))
        }
        fd = opened
        finalPath = path
        temporaryPath = temporary
    }

    /// A path an output may take: absent, or a regular file (never followed if a symlink).
    static func checkReplaceable(_ path: String) throws(OutputFailure) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .cannotCreate(path, OutputFailure.reason(errno))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what: String
            switch kind {
            case S_IFLNK: what = "a symbolic link"
            case S_IFDIR: what = "a folder"
            case S_IFCHR, S_IFBLK: what = "a device"
            case S_IFIFO: what = "a pipe"
            default: what = "not a regular file"
            }
            throw .cannotCreate(path, "it is \(what), and tvpa writes only regular files (give a file path)")
        }
    }

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    func flush() {
        if !buffer.isEmpty && failure == nil && !Output.raw(buffer, to: fd) {
            failure = Output.lastErrno
            if fd == 1 { Output.noteStandardOutputFailure() }
        }
        buffer = ""
    }

    /// Completes the report: flushes, and moves a file into place.
    func finish() throws(OutputFailure) {
        flush()
        guard let finalPath, let temporaryPath else { return }
        defer { PartialFiles.unregister(temporaryPath) }
        if failure == nil && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == nil { failure = errno }
        if let failure {
            unlink(temporaryPath)
            throw .writeFailed(finalPath, errno: failure)
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let number = errno
            unlink(temporaryPath)
            throw .writeFailed(finalPath, errno: number)
        }
    }

    /// Gives up: a partial file is removed.
    func abandon() {
        guard let temporaryPath else { return }
        close(fd)
        unlink(temporaryPath)
        PartialFiles.unregister(temporaryPath)
    }
}

/// A folder of files written all or nothing: into a new sibling folder, renamed into place
/// when every file is written. A folder that already holds files is refused, so nothing of
/// the user's is replaced or mixed in.
final class FolderDestination {
    let finalPath: String
    let temporaryPath: String

    init(path: String) throws(OutputFailure) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var info = stat()
        if lstat(trimmed, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotCreate(path, "it exists and is not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: trimmed)) ?? []
            guard entries.isEmpty else { throw .cannotCreate(path, "the folder already holds files (\(entries.count)); give a new or empty folder") }
        }
        finalPath = trimmed
        let parent = (trimmed as NSString).deletingLastPathComponent
        let name = (trimmed as NSString).lastPathComponent
        temporaryPath = (parent.isEmpty ? "" : parent + "/") + ".\(name).partial-\(getpid())"
        PartialFiles.register(temporaryPath, folder: true)
        guard mkdir(temporaryPath, 0o700) == 0 else {
            let number = errno
            PartialFiles.unregister(temporaryPath)
            throw .cannotCreate(path, OutputFailure.reason(number))
        }
    }

    /// Writes one file into the folder being built.
    func write(_ name: String, _ text: String) throws(OutputFailure) {
        let path = temporaryPath + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            let number = errno
            abandon()
            throw .writeFailed(finalPath + "/" + name, errno: number)
        }
        let written = Output.raw(text, to: fd)
        let number = written ? 0 : Output.lastErrno
        let closed = close(fd) == 0
        guard written, closed else {
            abandon()
            throw .writeFailed(finalPath + "/" + name, errno: written ? EIO : number)
        }
    }

    func finish() throws(OutputFailure) {
        defer { PartialFiles.unregister(temporaryPath) }
        // An empty folder in the way is replaced; one that gained files since is not.
        if rmdir(finalPath) != 0 && errno != ENOENT {
            let number = errno
            abandon()
            throw .cannotCreate(finalPath, number == ENOTEMPTY || number == EEXIST ? "the folder gained files while tvpa was writing" : OutputFailure.reason(number))
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let number = errno
            abandon()
            throw .writeFailed(finalPath, errno: number)
        }
    }

    func abandon() {
        temporaryPath.withCString { PartialFiles.removeFolder($0) }
        PartialFiles.unregister(temporaryPath)
    }
}
