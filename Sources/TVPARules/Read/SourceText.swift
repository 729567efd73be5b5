import Foundation

/// Read: the only place that touches the file system for rules. A file's path and text.
public struct SourceText: Sendable, Hashable {
    /// The path diagnostics show, as the user gave it.
    public var path: String
    /// The path inside the rule set, so the digest does not depend on where it was read from.
    public var relativePath: String
    public var text: String
    /// The line of `path` on which `text` begins (one case per line in a JSON Lines file).
    public var firstLine: Int
    public init(path: String, relativePath: String? = nil, text: String, firstLine: Int = 1) {
        self.path = path
        self.relativePath = relativePath ?? path
        self.text = text
        self.firstLine = firstLine
    }
}

/// Where a rule set comes from: the copy embedded in the binary at build time, or a folder.
public enum RuleSource: Sendable, Hashable {
    case embedded
    case directory(String)
    /// Rule files given as text (tests and the fuzz targets): read as a folder's would be.
    case texts([SourceText])

    public var name: String {
        switch self {
        case .embedded: return "Rules (built in)"
        case .directory(let path): return path
        case .texts: return "Rules (in memory)"
        }
    }
}

public enum SourceReader {
    /// The rule files, sorted by path, or diagnostics for what could not be read.
    public static func read(_ source: RuleSource) -> ([SourceText], [Diagnostic]) {
        switch source {
        case .embedded:
            return (embeddedRuleFiles.map { SourceText(path: $0.path, relativePath: String($0.path.dropFirst("Rules/".count)), text: $0.text) }, [])
        case .directory(let path):
            return readDirectory(path, excluding: ["proposals"])
        case .texts(let texts):
            return (texts.sorted { $0.path < $1.path }, [])
        }
    }

    /// Every `.yaml` / `.yml` file under `path`, skipping excluded top-level folders, following
    /// symbolic links to folders (a loop is a `read.symlink-loop` error, and is not followed).
    public static func readDirectory(_ path: String, excluding: Set<String> = []) -> ([SourceText], [Diagnostic]) {
        guard let status = FileSystem.status(path) else {
            return ([], [Diagnostic(.readUnreadable, ReadMessages.noSuchFile, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        if status.kind != .directory { return readFile(path) }
        let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let walk = FileSystem.walk(base, skipping: excluding) { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        var files: [SourceText] = []
        var diagnostics = walkDiagnostics(walk, base: base)
        for name in walk.files {
            let (f, d) = readFile(base + "/" + name)
            files += f.map { SourceText(path: $0.path, relativePath: name, text: $0.text) }
            diagnostics += d
        }
        return (files, diagnostics)
    }

    /// What a walk of a folder could not read: loops, and entries that are not files.
    static func walkDiagnostics(_ walk: FileSystem.Walk, base: String) -> [Diagnostic] {
        func full(_ relative: String) -> String { relative.isEmpty ? base : base + "/" + relative }
        return walk.loops.map { Diagnostic(.readSymlinkLoop, ReadMessages.symlinkLoop(full($0.folder)), at: .whole(full($0.link)), help: ReadMessages.symlinkLoopHelp) }
            + walk.unreadable.map { relative in
                let isFolder = FileSystem.status(full(relative))?.kind == .directory
                return Diagnostic(.readUnreadable, isFolder ? ReadMessages.cannotList : ReadMessages.notARegularFile, at: .whole(full(relative)))
            }
    }

    public static func readFile(_ path: String) -> ([SourceText], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [Diagnostic(.readUnreadable, ReadMessages.cannotRead, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return decode(data, path: path)
    }

    /// A file's bytes as its text (`TextDecoding`: UTF-8, one byte-order mark at most, at the
    /// start, where it is dropped), or a diagnostic at the first problem's line and column.
    public static func decode(_ bytes: some Collection<UInt8>, path: String) -> ([SourceText], [Diagnostic]) {
        let (text, problem) = TextDecoding.decode(bytes, startOfFile: true)
        if let problem {
            // A leading mark was dropped: columns on line 1 are counted after it, as editors do.
            return ([], [TextDecoding.diagnostic(problem, at: TextDecoding.location(of: problem.offset, in: text, file: path))])
        }
        return ([SourceText(path: path, text: text)], [])
    }
}
