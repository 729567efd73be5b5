import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `--save-to` names: the only place the workbench writes. Case data must not be
/// committed by accident, so a folder inside a git work tree is refused unless `--allow-git`.
struct SaveFolder: Sendable {
    let url: URL

    enum Problem: Error, CustomStringConvertible {
        case notAFolder(String)
        case insideGit(folder: String, repository: String)
        var description: String {
            switch self {
            case .notAFolder(let p): return "--save-to \(p): not a folder (create it first)"
            case .insideGit(let f, let r):
                return "--save-to \(f) is inside the git work tree \(r): a case saved there could be committed by accident. Choose a folder outside it, or pass --allow-git."
            }
        }
    }

    init(_ path: String, allowGit: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { throw Problem.notAFolder(path) }
        url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if !allowGit, let repository = Self.workTree(containing: url) { throw Problem.insideGit(folder: path, repository: repository.path) }
    }

    /// The nearest folder at or above `url` holding `.git` (a folder, or a worktree's file).
    static func workTree(containing url: URL) -> URL? {
        var folder = url
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Writes `<id>.yaml` whole or not at all: a new file (mode 0600, since it holds a case)
    /// beside the target, flushed, then renamed over it.
    func save(_ text: String, id: String) throws -> URL {
        let target = url.appendingPathComponent("\(id).yaml")
        let temporary = url.appendingPathComponent(".\(id).yaml.\(AccessGuard.newToken().prefix(12)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw SaveError(String(cString: strerror(errno))) }
        var ok = true
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 { if errno == EINTR { continue }; ok = false; break }
            written += n
        }
        let reason = String(cString: strerror(errno))
        if ok && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temporary.path, target.path) == 0 else {
            let why = ok ? String(cString: strerror(errno)) : reason
            unlink(temporary.path)
            throw SaveError(why)
        }
        bytes.removeAll()
        return target
    }

    struct SaveError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
