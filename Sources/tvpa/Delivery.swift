import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report that was not delivered: an output that could not be created (exit 73) or a write
/// that failed (exit 74), with the system's reason (semantics.md, "Exit codes").
struct OutputFailure: Error, CustomStringConvertible {
    var code: Int32
    var description: String

    static func cannotCreate(_ path: String, _ reason: String) -> OutputFailure {
        OutputFailure(code: 73, description: "cannot create \(path): \(reason)")
    }

    static func writeFailed(_ what: String, errno number: Int32) -> OutputFailure {
        OutputFailure(code: 74, description: "cannot write \(what): \(reason(number))")
    }

    static func reason(_ number: Int32) -> String { String(cString: strerror(number)) }
}

/// What the process does before any command runs, and how it ends.
enum Delivery {
    /// Descriptors 0–2 closed at start are reopened on /dev/null, so no file the run opens
    /// takes their number (a report meant for standard output would land in it). A closed
    /// standard output is remembered: a report written to it was not delivered.
    static func prepare() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
            if fd == 1 { Output.standardOutputClosed = true }
        }
        PartialFiles.installSignalHandlers()
    }

    /// The exit code for how the run ended, in semantics.md's precedence: an internal error
    /// (70), then a report not delivered (74, 73), then invalid input (65), then failed
    /// expectations (1).
    static func finish(_ code: Int32) -> Never {
        TerminalState.restore()
        var code = code
        if let failure = Output.standardOutputFailure(), code != 70 {
            Output.error(CLIMessages.outputFailed(failure.description))
            code = failure.code
        }
        exit(code)
    }
}

/// Partial files (`X.partial-PID`) and folders being written, removed if the process is
/// interrupted (SIGINT, SIGTERM, SIGHUP) as well as on every error path. The paths live in
/// C memory so the signal handler reads them without Swift's runtime.
enum PartialFiles {
    static let capacity = 8
    nonisolated(unsafe) static var paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    nonisolated(unsafe) static var isFolder = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
    nonisolated(unsafe) static var installed = false

    static func register(_ path: String, folder: Bool = false) {
        for i in 0..<capacity where paths[i] == nil {
            paths[i] = strdup(path)
            isFolder[i] = folder
            return
        }
    }

    static func unregister(_ path: String) {
        for i in 0..<capacity {
            guard let p = paths[i], String(cString: p) == path else { continue }
            paths[i] = nil
            free(p)
        }
    }

    static func installSignalHandlers() {
        guard !installed else { return }
        installed = true
        paths.initialize(repeating: nil, count: capacity)
        isFolder.initialize(repeating: false, count: capacity)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { number in TerminalState.restore(); PartialFiles.removeAll(); PartialFiles.reraise(number) }
            #else
            action.__sigaction_u.__sa_handler = { number in TerminalState.restore(); PartialFiles.removeAll(); PartialFiles.reraise(number) }
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Removes every registered path (a folder with the files directly in it).
    static func removeAll() {
        for i in 0..<capacity {
            guard let p = paths[i] else { continue }
            if isFolder[i] { removeFolder(p) } else { unlink(p) }
        }
    }

    static func removeFolder(_ path: UnsafePointer<CChar>) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                var name = entry.pointee.d_name
                let child = withUnsafePointer(to: &name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
                if child == "." || child == ".." { continue }
                unlink(String(cString: path) + "/" + child)
            }
            closedir(dir)
        }
        rmdir(path)
    }

    /// Ends the process as the signal would have, so the shell sees the usual status.
    static func reraise(_ number: Int32) {
        signal(number, SIG_DFL)
        raise(number)
    }
}
